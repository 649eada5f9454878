//! Bodies kept in a file instead of memory.
//!
//! A body is the longest text of an entry and the one read least: search
//! reads it once, when the index is built, and a reader sees it only on an
//! entry's page. A large folder's bodies are nearly half of its knowledge
//! in memory (168 MB of 100,000 entries), so a server keeps them in a file
//! and reads one when it is shown. The file is a temporary one the loader
//! writes (gone when the process ends), or the snapshot a kept start reads
//! its entries from; either is read where it is, with no cursor, by any
//! number of threads, and never through a memory map, whose pages would
//! count as the process's memory once read.

use std::fs::File;
use std::io;
use std::sync::Arc;

use super::Body;

/// A file that bodies are kept in, at offsets their [`super::Texts`]
/// know. Nothing writes to it but the loader, each body before a text
/// names it, and a snapshot is replaced by renaming, never changed in
/// place.
pub struct BodyFile(File);

impl BodyFile {
    /// A new temporary file, in the system's folder for them (`TMPDIR`),
    /// removed when it is closed. A folder on a RAM disk keeps the bodies in
    /// memory after all, if not in the process's.
    pub(super) fn temporary() -> io::Result<BodyFile> {
        BodyFile::of(tempfile::tempfile()?)
    }

    /// Bodies already written into `file`, such as a snapshot. Only Unix
    /// reads a file at an offset without a cursor; elsewhere, an error, and
    /// the bodies stay in memory.
    pub(super) fn of(file: File) -> io::Result<BodyFile> {
        if cfg!(unix) {
            Ok(BodyFile(file))
        } else {
            Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "bodies are kept in files only on Unix",
            ))
        }
    }

    /// The body of `len` bytes at `at`.
    pub(super) fn read(&self, at: u64, len: u32) -> io::Result<String> {
        let mut bytes = vec![0; len as usize];
        read_exact_at(&self.0, &mut bytes, at)?;
        String::from_utf8(bytes).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "a kept body is not UTF-8"))
    }
}

/// Keeps the bodies of a folder as it is loaded: each written to the end
/// of a [`BodyFile`] at once, so that a body whose write fails stays in
/// memory and nothing is lost. After a failed write (a full disk), every
/// later body stays in memory too.
pub(super) struct BodyWriter {
    file: Arc<BodyFile>,
    end: u64,
    failed: bool,
}

impl BodyWriter {
    pub(super) fn new(file: BodyFile) -> BodyWriter {
        BodyWriter {
            file: Arc::new(file),
            end: 0,
            failed: false,
        }
    }

    /// Writes `body`; where it now is, or `None` where it was not written
    /// (then the caller keeps it in memory).
    pub(super) fn keep(&mut self, body: &str) -> Option<Body> {
        let len = u32::try_from(body.len()).ok().filter(|_| !self.failed)?;
        if let Err(e) = write_all_at(&self.file.0, body.as_bytes(), self.end) {
            log::warn!("the bodies from here on stay in memory: the file for them cannot be written: {e}");
            self.failed = true;
            return None;
        }
        let at = self.end;
        self.end += u64::from(len);
        Some(Body::Kept {
            file: Arc::clone(&self.file),
            at,
            len,
        })
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, bytes: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(unix)]
fn write_all_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(not(unix))]
fn read_exact_at(_: &File, _: &mut [u8], _: u64) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(not(unix))]
fn write_all_at(_: &File, _: &[u8], _: u64) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}
