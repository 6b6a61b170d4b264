//! Reading and writing base-protocol messages (`Content-Length` headers and a JSON body).
//!
//! `lsp-server`'s own reader ends the connection on a body that is not JSON; a language
//! server should answer that with a parse error and go on reading, so framing is done here
//! and only the message types come from the crate.

use std::io::{self, BufRead, Read, Write};

use lsp_server::{ErrorCode, Message};
use serde_json::{json, Value};

/// The largest message read: a plan is at most a few megabytes, and a `Content-Length` is no
/// reason to allocate whatever it says.
pub const MAX_MESSAGE: usize = 64 * 1024 * 1024;

/// What one frame held.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// Not JSON, or a frame without a usable `Content-Length`: JSON-RPC's parse error.
    Unparsable(String),
    /// JSON, but not a request, response or notification: JSON-RPC's invalid request,
    /// answered with the id when there is one.
    Invalid {
        id: Value,
        reason: String,
    },
}

/// Reads the next frame; `None` at the end of the input.
pub fn read(input: &mut impl BufRead) -> io::Result<Option<Incoming>> {
    let mut length = None;
    let mut saw_header = false;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            return Ok(if saw_header {
                Some(Incoming::Unparsable(
                    "the input ended inside a message's headers".into(),
                ))
            } else {
                None
            });
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            }
        }
    }
    let Some(length) = length else {
        return Ok(Some(Incoming::Unparsable(
            "a message without a valid Content-Length header".into(),
        )));
    };
    if length > MAX_MESSAGE {
        // Read past it, so the next frame starts where it should, without holding it.
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Some(Incoming::Unparsable(format!(
            "a message of {length} bytes; growth reads messages up to {MAX_MESSAGE} bytes"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(decode(&body)))
}

fn decode(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(err) => return Incoming::Unparsable(format!("the message is not JSON: {err}")),
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Incoming::Message(message),
        Err(err) => Incoming::Invalid {
            id,
            reason: format!("not a JSON-RPC request or notification: {err}"),
        },
    }
}

/// Writes one message.
pub fn write(output: &mut impl Write, message: &Message) -> io::Result<()> {
    let mut body = serde_json::to_value(message).map_err(io::Error::other)?;
    // The crate's types leave the protocol version to its own writer.
    if let Value::Object(map) = &mut body {
        map.insert("jsonrpc".into(), "2.0".into());
    }
    write_value(output, &body)
}

/// An error response to a frame that has no usable request id (`id` is then `null`).
pub fn write_error(
    output: &mut impl Write,
    id: Value,
    code: ErrorCode,
    message: &str,
) -> io::Result<()> {
    let body = json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code as i32, "message": message },
    });
    write_value(output, &body)
}

fn write_value(output: &mut impl Write, body: &Value) -> io::Result<()> {
    let text = body.to_string();
    write!(output, "Content-Length: {}\r\n\r\n{text}", text.len())?;
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_json_is_a_parse_error_and_the_next_frame_still_reads() {
        let request = r#"{"jsonrpc":"2.0","id":1,"method":"x"}"#;
        let input = format!(
            "Content-Length: 5\r\n\r\n{{oopsContent-Length: {}\r\n\r\n{request}",
            request.len()
        );
        let mut reader = io::BufReader::new(input.as_bytes());
        assert!(matches!(
            read(&mut reader),
            Ok(Some(Incoming::Unparsable(_)))
        ));
        assert!(matches!(
            read(&mut reader),
            Ok(Some(Incoming::Message(Message::Request(_))))
        ));
        assert!(matches!(read(&mut reader), Ok(None)));
    }
}
