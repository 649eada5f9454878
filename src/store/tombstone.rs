//! Tombstones: the `/forget` wishes not carried out yet.
//!
//! A user who asks Lotse to forget them must be forgotten even when the
//! database refuses the delete (read-only, full, locked) and even when
//! Lotse is restarted before it can try again. So the wish is written to a
//! small file beside the database before the delete is tried, and taken out
//! once the delete is done; at start and every few seconds while any are
//! left the writer tries again (on PostgreSQL, each replica keeps its own
//! file, beside the secret file). The file lives outside the database because
//! a database that cannot be written cannot keep the wish either. It holds
//! pseudonyms only, one a line, and only the owner may read it.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::assistant::UserKey;

/// The users still to be forgotten, in memory and in a file.
#[derive(Debug)]
pub(super) struct Tombstones {
    path: PathBuf,
    pending: Mutex<BTreeSet<UserKey>>,
}

impl Tombstones {
    /// The tombstones kept beside the SQLite database at `database`.
    pub fn beside(database: &Path) -> PathBuf {
        let mut name = database.file_name().unwrap_or_default().to_os_string();
        name.push("-forget");
        database.with_file_name(name)
    }

    /// The tombstones kept in the file at `path`.
    pub fn open(path: PathBuf) -> Tombstones {
        let pending = match fs::read_to_string(&path) {
            Ok(text) => text
                .lines()
                .filter(|line| !line.is_empty())
                .filter_map(UserKey::from_stored)
                .collect(),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => BTreeSet::new(),
            Err(err) => {
                log::error!("forget: cannot read {}: {err}", path.display());
                BTreeSet::new()
            }
        };
        Tombstones {
            path,
            pending: Mutex::new(pending),
        }
    }

    /// Keeps the wish to forget `user`. In memory it is kept in any case;
    /// the error says it could not be written down.
    pub fn add(&self, user: &UserKey) -> std::io::Result<()> {
        let mut pending = self.lock();
        pending.insert(user.clone());
        self.save(&pending)
    }

    /// The wish to forget `user` is carried out.
    pub fn done(&self, user: &UserKey) {
        let mut pending = self.lock();
        if pending.remove(user)
            && let Err(err) = self.save(&pending)
        {
            // Harmless: forgetting twice deletes nothing the second time.
            log::warn!("forget: cannot update {}: {err}", self.path.display());
        }
    }

    /// The users still to be forgotten.
    pub fn pending(&self) -> Vec<UserKey> {
        self.lock().iter().cloned().collect()
    }

    pub fn contains(&self, user: &UserKey) -> bool {
        self.lock().contains(user)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeSet<UserKey>> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the file anew (beside, then renamed, so it is whole or old),
    /// or removes it when nothing is pending.
    fn save(&self, pending: &BTreeSet<UserKey>) -> std::io::Result<()> {
        if pending.is_empty() {
            return match fs::remove_file(&self.path) {
                Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err),
                _ => Ok(()),
            };
        }
        let mut text = String::new();
        for user in pending {
            // Pseudonyms are hexadecimal; a line break cannot be one.
            if !user.as_str().contains('\n') {
                text.push_str(user.as_str());
                text.push('\n');
            }
        }
        let mut partial = self.path.clone().into_os_string();
        partial.push(".partial");
        let partial = PathBuf::from(partial);
        let mut options = fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&partial)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&partial, &self.path)
    }
}
