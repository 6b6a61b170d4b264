//! `growth server`: a language server over standard input and output.
//!
//! Editors get `growth lint`'s findings as they type, from the same engine at the same
//! positions ([`diagnostics`]), hover with a rule's explanation or a key's meaning
//! ([`hover`]), the mechanical fixes and a suppression as code actions ([`actions`]), and
//! completion of keys and values ([`completion`]). The server never writes a file: every
//! change is an edit the client applies.
//!
//! It is synchronous: one thread reads frames ([`framing`]) into a channel, the main thread
//! answers them in order. Edits are debounced: a burst of `didChange`s is linted once, after
//! [`DEBOUNCE`] without a new one, so the findings are always those of the latest text.
//! Opening and saving a file publish at once.

mod actions;
mod completion;
mod context;
mod diagnostics;
mod documents;
mod framing;
mod hover;
mod keys;
mod position;

use std::io::{self, BufRead, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use lsp_server::{ErrorCode, Message, Notification, Request, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CompletionOptions, CompletionParams, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, HoverParams, HoverProviderCapability,
    InitializeResult, PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use diagnostics::Role;
use documents::Documents;
use framing::Incoming;

/// How long the text must stay unchanged before it is linted.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// The answer to a request whose handling failed (the panic message is on standard error).
const FAILED: &str = "growth server failed on this request; its standard error says why";

/// The exit status after `shutdown` then `exit`.
pub const EXIT_AFTER_SHUTDOWN: u8 = 0;
/// The exit status after `exit` without `shutdown`, or the input ending (LSP says 1).
pub const EXIT_WITHOUT_SHUTDOWN: u8 = 1;

/// Serves one client until it says `exit` or its input ends; returns the exit status.
/// `today` is `--today`: without it, each check reads the clock.
pub fn run(
    input: impl BufRead + Send + 'static,
    output: impl Write,
    today: Option<NaiveDate>,
) -> io::Result<u8> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut input = input;
        while let Ok(Some(frame)) = framing::read(&mut input) {
            if tx.send(frame).is_err() {
                break;
            }
        }
    });
    let mut server = Server {
        out: output,
        docs: Documents::default(),
        today,
        pending: Vec::new(),
        last_change: Instant::now(),
        initialized: false,
        shutting_down: false,
    };
    loop {
        let frame = if server.pending.is_empty() {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            rx.recv_timeout(DEBOUNCE.saturating_sub(server.last_change.elapsed()))
        };
        let frame = match frame {
            Ok(frame) => frame,
            Err(RecvTimeoutError::Timeout) => {
                server.publish_pending()?;
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(EXIT_WITHOUT_SHUTDOWN),
        };
        match frame {
            Incoming::Unparsable(reason) => {
                framing::write_error(&mut server.out, Value::Null, ErrorCode::ParseError, &reason)?
            }
            Incoming::Invalid { id, reason } => {
                framing::write_error(&mut server.out, id, ErrorCode::InvalidRequest, &reason)?
            }
            Incoming::Message(Message::Request(request)) => server.request(request)?,
            Incoming::Message(Message::Notification(n)) if n.method == "exit" => {
                return Ok(if server.shutting_down {
                    EXIT_AFTER_SHUTDOWN
                } else {
                    EXIT_WITHOUT_SHUTDOWN
                });
            }
            Incoming::Message(Message::Notification(n)) => server.notification(n)?,
            // The server sends no requests, so a response answers nothing.
            Incoming::Message(Message::Response(_)) => {}
        }
        if !server.pending.is_empty() && server.last_change.elapsed() >= DEBOUNCE {
            server.publish_pending()?;
        }
    }
}

struct Server<W> {
    out: W,
    docs: Documents,
    /// `--today`, when given.
    today: Option<NaiveDate>,
    /// Documents edited since their findings were last published.
    pending: Vec<Uri>,
    last_change: Instant,
    initialized: bool,
    shutting_down: bool,
}

impl<W: Write> Server<W> {
    fn send(&mut self, message: Message) -> io::Result<()> {
        framing::write(&mut self.out, &message)
    }

    fn request(&mut self, request: Request) -> io::Result<()> {
        let Request { id, method, params } = request;
        let refuse = |code: ErrorCode, message: &str| {
            Message::Response(Response::new_err(
                id.clone(),
                code as i32,
                message.to_string(),
            ))
        };
        if !self.initialized && method != "initialize" {
            return self.send(refuse(
                ErrorCode::ServerNotInitialized,
                "the first request must be `initialize`",
            ));
        }
        if self.shutting_down {
            return self.send(refuse(
                ErrorCode::InvalidRequest,
                "the server is shutting down; only `exit` is expected",
            ));
        }
        // A bug in one answer must not end the session the editor depends on.
        let result = catch_unwind(AssertUnwindSafe(|| self.answer(&method, params)))
            .unwrap_or_else(|_| Err((ErrorCode::InternalError, FAILED.to_string())));
        let response = match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(Message::Response(response))
    }

    fn answer(&mut self, method: &str, params: Value) -> Answer {
        match method {
            "initialize" => {
                self.initialized = true;
                to_value(capabilities())
            }
            "shutdown" => {
                self.shutting_down = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => parse::<HoverParams>(params).and_then(|p| {
                let at = p.text_document_position_params;
                let today = crate::asof::today(self.today);
                to_value(
                    self.docs
                        .get(&at.text_document.uri)
                        .and_then(|doc| hover::hover(doc, today, at.position)),
                )
            }),
            "textDocument/codeAction" => parse::<CodeActionParams>(params).and_then(|p| {
                let uri = p.text_document.uri;
                let today = crate::asof::today(self.today);
                let found = self
                    .docs
                    .get(&uri)
                    .map(|doc| actions::actions(doc, &uri, today, p.range))
                    .unwrap_or_default();
                to_value(found)
            }),
            "textDocument/completion" => parse::<CompletionParams>(params).and_then(|p| {
                let at = p.text_document_position;
                let today = crate::asof::today(self.today);
                let items = self
                    .docs
                    .get(&at.text_document.uri)
                    .map(|doc| completion::complete(doc, today, at.position))
                    .unwrap_or_default();
                to_value(items)
            }),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("growth server does not handle `{method}`"),
            )),
        }
    }

    fn notification(&mut self, n: Notification) -> io::Result<()> {
        // A notification gets no answer, not even an error: one the server cannot read is
        // dropped.
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = parse::<DidOpenTextDocumentParams>(n.params) else {
                    return Ok(());
                };
                let doc = p.text_document;
                if self
                    .docs
                    .open(doc.uri.clone(), doc.text, doc.version)
                    .is_some()
                {
                    self.publish(&doc.uri)?;
                }
            }
            "textDocument/didChange" => {
                let Ok(p) = parse::<DidChangeTextDocumentParams>(n.params) else {
                    return Ok(());
                };
                let uri = p.text_document.uri;
                self.docs
                    .change(&uri, p.text_document.version, p.content_changes);
                if !self.pending.contains(&uri) {
                    self.pending.push(uri);
                }
                self.last_change = Instant::now();
            }
            "textDocument/didSave" => {
                let Ok(p) = parse::<DidSaveTextDocumentParams>(n.params) else {
                    return Ok(());
                };
                let uri = p.text_document.uri;
                self.docs.saved(&uri, p.text);
                self.pending.retain(|u| *u != uri);
                self.publish(&uri)?;
                // Plans are linted with the config and ladder on disk: saving one of those
                // changes what every open plan's findings are.
                let today = crate::asof::today(self.today);
                let role = self
                    .docs
                    .get(&uri)
                    .and_then(|d| d.checked(today))
                    .map(|c| c.role);
                if matches!(role, Some(Role::Config | Role::Ladder)) {
                    for other in self.docs.uris().into_iter().filter(|u| *u != uri) {
                        self.docs.recheck(&other);
                        self.publish(&other)?;
                    }
                }
            }
            "textDocument/didClose" => {
                let Ok(p) = parse::<DidCloseTextDocumentParams>(n.params) else {
                    return Ok(());
                };
                let uri = p.text_document.uri;
                self.docs.close(&uri);
                self.pending.retain(|u| *u != uri);
                self.send_diagnostics(uri, Vec::new(), None)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn publish_pending(&mut self) -> io::Result<()> {
        for uri in std::mem::take(&mut self.pending) {
            self.publish(&uri)?;
        }
        Ok(())
    }

    /// Publishes the findings of a document's current text.
    fn publish(&mut self, uri: &Uri) -> io::Result<()> {
        let today = crate::asof::today(self.today);
        let Some(doc) = self.docs.get(uri) else {
            return Ok(());
        };
        let version = doc.version;
        let found = catch_unwind(AssertUnwindSafe(|| {
            doc.checked(today)
                .map(|c| {
                    c.findings
                        .iter()
                        .map(|d| diagnostics::to_lsp(&c.file, d))
                        .collect()
                })
                .unwrap_or_default()
        }))
        .unwrap_or_default();
        self.send_diagnostics(uri.clone(), found, Some(version))
    }

    fn send_diagnostics(
        &mut self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) -> io::Result<()> {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".to_string(),
            params,
        )))
    }
}

type Answer = Result<Value, (ErrorCode, String)>;

fn parse<P: DeserializeOwned>(params: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(params)
        .map_err(|err| (ErrorCode::InvalidParams, format!("invalid params: {err}")))
}

fn to_value(value: impl serde::Serialize) -> Answer {
    serde_json::to_value(value).map_err(|err| (ErrorCode::InternalError, err.to_string()))
}

fn capabilities() -> InitializeResult {
    InitializeResult {
        capabilities: ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::FULL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(true),
                    })),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![":".to_string(), " ".to_string()]),
                ..CompletionOptions::default()
            }),
            ..ServerCapabilities::default()
        },
        server_info: Some(ServerInfo {
            name: "growth".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    }
}
