//! Pseudonyms for users: a Telegram id is never stored, only a keyed hash
//! of it (HMAC-SHA-256) with a secret that lives outside the database.
//!
//! Without the secret, a pseudonym cannot be traced back to an id, not even
//! by trying every possible id; with it, the same user always gets the same
//! pseudonym, so their language and `/forget` work across restarts.

use std::fs;
use std::io::Write;
use std::path::Path;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// Bytes of a generated secret.
const SECRET_BYTES: usize = 32;
/// Hex digits of a pseudonym.
const KEY_DIGITS: usize = 64;

/// A pseudonymous key for one user: never a clear id. Only [`Pseudonyms`]
/// makes one from a door's id; a key kept in storage is read back with
/// [`UserKey::from_stored`], which takes nothing but a pseudonym's form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserKey(String);

impl UserKey {
    /// A key as storage returns it: 64 lower-case hex digits, or nothing.
    /// A clear id (digits, a name) never passes.
    pub fn from_stored(stored: &str) -> Option<UserKey> {
        let valid = stored.len() == KEY_DIGITS && stored.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        valid.then(|| UserKey(stored.to_string()))
    }

    /// The key as storage keeps it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Turns ids into pseudonyms.
#[derive(Clone)]
pub struct Pseudonyms {
    secret: Vec<u8>,
}

/// The error of reading or creating the secret.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("cannot read the pseudonym secret {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("cannot create the pseudonym secret {path}: {source}")]
    Create { path: String, source: std::io::Error },
    #[error(
        "the pseudonym secret {path} is too short; delete it to have a new one made, or put at least 32 characters in it"
    )]
    TooShort { path: String },
    #[error("no randomness for a new pseudonym secret: {0}")]
    Random(String),
}

impl Pseudonyms {
    pub fn new(secret: &[u8]) -> Pseudonyms {
        Pseudonyms {
            secret: secret.to_vec(),
        }
    }

    /// Reads the secret from `path`, or makes a new random one there (only
    /// readable by its owner) when the file does not exist.
    pub fn load_or_create(path: &Path) -> Result<Pseudonyms, SecretError> {
        let shown = path.display().to_string();
        match fs::read_to_string(path) {
            Ok(text) => {
                let secret = text.trim();
                if secret.len() < SECRET_BYTES {
                    return Err(SecretError::TooShort { path: shown });
                }
                Ok(Pseudonyms::new(secret.as_bytes()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut bytes = [0u8; SECRET_BYTES];
                getrandom::fill(&mut bytes).map_err(|e| SecretError::Random(e.to_string()))?;
                let hex = to_hex(&bytes);
                write_private(path, &hex).map_err(|source| SecretError::Create { path: shown, source })?;
                Ok(Pseudonyms::new(hex.as_bytes()))
            }
            Err(source) => Err(SecretError::Read { path: shown, source }),
        }
    }

    /// The pseudonym of `id` in `realm` (`telegram`, `chat`): 64 hex digits.
    pub fn user(&self, realm: &str, id: &str) -> UserKey {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.secret).expect("HMAC takes keys of any length");
        mac.update(realm.as_bytes());
        mac.update(b":");
        mac.update(id.as_bytes());
        UserKey(to_hex(&mac.finalize().into_bytes()))
    }

    /// A 32-byte key for `purpose` (such as sealing the inbox), derived
    /// from the secret, so that it too lives outside the database.
    pub fn derive_key(&self, purpose: &str) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.secret).expect("HMAC takes keys of any length");
        mac.update(b"key:");
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }
}

fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        create_private_dir(dir)?;
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(content.as_bytes())?;
    file.write_all(b"\n")
}

/// Creates `dir` and the folders above it that are missing, enterable by
/// their owner only. A folder that exists is left as it is: it may be a
/// home or a shared folder.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.as_os_str().is_empty() || dir.exists() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Bytes as lower-case hexadecimal.
pub fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_pseudonyms_form_is_read_back() {
        let key = Pseudonyms::new(b"a secret of enough length for tests").user("telegram", "42");
        assert_eq!(UserKey::from_stored(key.as_str()), Some(key));
        for clear in ["42", "123456789", "", &"A".repeat(64), &"g".repeat(64), &"a".repeat(63)] {
            assert_eq!(UserKey::from_stored(clear), None, "{clear}");
        }
    }

    #[test]
    fn pseudonyms_are_stable_keyed_and_opaque() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data/secret");
        let first = Pseudonyms::load_or_create(&path).unwrap();
        let again = Pseudonyms::load_or_create(&path).unwrap();
        let key = first.user("telegram", "123456789");
        assert_eq!(key, again.user("telegram", "123456789"));
        assert_eq!(key.0.len(), 64);
        assert!(!key.0.contains("123456789"));
        assert_ne!(key, first.user("chat", "123456789"));
        assert_ne!(
            key,
            Pseudonyms::new(b"another secret of enough length!!").user("telegram", "123456789")
        );
    }
}
