//! Where a user's chosen language is kept: behind a small trait, so the
//! core runs on memory in the terminal and tests and on SQLite in the bot.

use std::collections::HashMap;
use std::sync::Mutex;

use super::reply::UserKey;
use crate::lang::Lang;

/// Keeps each user's chosen language.
pub trait Preferences: Send + Sync {
    fn language(&self, user: &UserKey) -> Option<Lang>;
    fn set_language(&self, user: &UserKey, lang: Lang);
}

/// Preferences in memory, for as long as the process runs.
#[derive(Debug, Default)]
pub struct MemoryPreferences {
    languages: Mutex<HashMap<UserKey, Lang>>,
}

impl Preferences for MemoryPreferences {
    fn language(&self, user: &UserKey) -> Option<Lang> {
        let languages = self.languages.lock().unwrap_or_else(|e| e.into_inner());
        languages.get(user).copied()
    }

    fn set_language(&self, user: &UserKey, lang: Lang) {
        let mut languages = self.languages.lock().unwrap_or_else(|e| e.into_inner());
        languages.insert(user.clone(), lang);
    }
}
