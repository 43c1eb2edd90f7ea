//! Printing through the system's print service, CUPS, on this computer only:
//! the printers it knows (`lpstat -e`, the default from `lpstat -d`) and sending
//! a PDF to one of them (`lp -d PRINTER -n COPIES -o media=...`, the document on
//! standard input). Every command is pointed at the local server (`-h
//! localhost`), so no job leaves the machine through a client setting. This is
//! the only place Ferrule starts the print commands.

#![allow(clippy::disallowed_methods)] // starting lpstat and lp is this module's job

use std::io::Write as _;
use std::process::{Command, Stdio};

/// The local print server, never another machine.
const SERVER: &str = "localhost";
/// The most copies one job may ask for.
pub const MAX_COPIES: u32 = 99;

/// Paper the printer is asked to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Media {
    /// US Letter.
    #[default]
    Letter,
    /// ISO A4.
    A4,
}

impl Media {
    /// The CUPS media name.
    pub fn cups_name(self) -> &'static str {
        match self {
            Media::Letter => "Letter",
            Media::A4 => "A4",
        }
    }
}

/// The printers CUPS knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Printers {
    /// Printer names, as CUPS lists them.
    pub names: Vec<String>,
    /// The system's default printer, when one is set.
    pub default: Option<String>,
}

/// Why printing failed.
#[derive(Debug, thiserror::Error)]
pub enum PrinterError {
    /// `lpstat` or `lp` is not installed.
    #[error("the print service is not installed here ({0} was not found): save the PDF instead")]
    NotInstalled(&'static str),
    /// The command ran and refused.
    #[error("{command} failed: {message}")]
    Failed {
        /// "lp".
        command: &'static str,
        /// What it said on stderr.
        message: String,
    },
    /// A printer name CUPS would never give.
    #[error("\"{0}\" is not a printer name: expected a name from the printer list")]
    BadName(String),
    /// Copies out of range.
    #[error("{0} copies: expected 1 to {MAX_COPIES}")]
    BadCopies(u32),
    /// Starting or talking to the command failed.
    #[error("cannot run {command}: {source}")]
    Io {
        /// "lp".
        command: &'static str,
        /// The error.
        source: std::io::Error,
    },
}

/// True when `name` can be a CUPS printer name (no spaces, slashes, '#' or
/// control characters, and no leading '-' that `lp` would read as an option).
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 127
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && c != '/' && c != '#')
}

fn run(command: &'static str, args: &[&str], input: Option<&[u8]>) -> Result<String, PrinterError> {
    let mut cmd = Command::new(command);
    cmd.args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => PrinterError::NotInstalled(command),
        _ => PrinterError::Io { command, source },
    })?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        stdin
            .write_all(bytes)
            .map_err(|source| PrinterError::Io { command, source })?;
    }
    let output = child
        .wait_with_output()
        .map_err(|source| PrinterError::Io { command, source })?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    if output.status.success() {
        Ok(stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_string();
        Err(PrinterError::Failed {
            command,
            message: if stderr.is_empty() {
                format!("exit status {}", output.status)
            } else {
                stderr
            },
        })
    }
}

/// The printers of the local CUPS server and its default. No printer at all is
/// an empty list, not an error.
pub fn list() -> Result<Printers, PrinterError> {
    let names = match run("lpstat", &["-h", SERVER, "-e"], None) {
        Ok(out) => parse_names(&out),
        // lpstat exits 1 with "No destinations added." when there is none.
        Err(PrinterError::Failed { .. }) => Vec::new(),
        Err(e) => return Err(e),
    };
    let default = run("lpstat", &["-h", SERVER, "-d"], None)
        .ok()
        .and_then(|out| parse_default(&out));
    Ok(Printers { names, default })
}

/// One printer name per line of `lpstat -e`.
pub fn parse_names(out: &str) -> Vec<String> {
    out.lines()
        .map(str::trim)
        .filter(|l| valid_name(l))
        .map(str::to_string)
        .collect()
}

/// The name in "system default destination: PDF"; None for "no system default
/// destination".
pub fn parse_default(out: &str) -> Option<String> {
    let (_, name) = out.trim().split_once(": ")?;
    let name = name.trim();
    valid_name(name).then(|| name.to_string())
}

/// The job title every print carries. CUPS keeps job titles in its logs and
/// shows them in every queue on the network, so it never names the patient.
pub const JOB_TITLE: &str = "Ferrule estimate";

/// Sends `pdf` to `printer`: `copies` copies on `media`, titled [`JOB_TITLE`].
/// Returns what `lp` said (the job id, "request id is PDF-3 (1 file(s))").
pub fn send(pdf: &[u8], printer: &str, copies: u32, media: Media) -> Result<String, PrinterError> {
    if !valid_name(printer) {
        return Err(PrinterError::BadName(printer.to_string()));
    }
    if !(1..=MAX_COPIES).contains(&copies) {
        return Err(PrinterError::BadCopies(copies));
    }
    let copies = copies.to_string();
    let media = format!("media={}", media.cups_name());
    let args = [
        "-h", SERVER, "-d", printer, "-n", &copies, "-o", &media, "-t", JOB_TITLE,
    ];
    let out = run("lp", &args, Some(pdf))?;
    Ok(out.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printer_names_from_lpstat_lines_keep_valid_names_only() {
        assert_eq!(
            parse_names("PDF\nOffice_Laser\n\n-x\n"),
            ["PDF", "Office_Laser"]
        );
    }

    #[test]
    fn default_printer_is_read_from_lpstat_d_or_none() {
        assert_eq!(
            parse_default("system default destination: PDF\n").as_deref(),
            Some("PDF")
        );
        assert_eq!(parse_default("no system default destination\n"), None);
    }

    #[test]
    fn names_that_lp_would_misread_are_refused_before_running_it() {
        for bad in ["", "-o", "a b", "a/b", "a#b", "a\nb"] {
            assert!(!valid_name(bad), "{bad:?}");
        }
        assert!(matches!(
            send(b"%PDF-", "-x", 1, Media::Letter),
            Err(PrinterError::BadName(_))
        ));
        assert!(matches!(
            send(b"%PDF-", "PDF", 0, Media::Letter),
            Err(PrinterError::BadCopies(0))
        ));
    }
}
