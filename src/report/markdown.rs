//! The markdown format of the report (to be written).

use std::io;

use super::Report;

pub fn write(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let _ = (report, out);
    Ok(())
}
