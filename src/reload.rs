//! Hot reload of the knowledge: a folder edited while Lotse runs is checked
//! and, when sound, indexed in the background and swapped in at once; a
//! folder with errors leaves the old index serving.
//!
//! A reload that would drop every entry, or more than half of them, is
//! refused unless an admin forces it: an emptied or half-copied folder is
//! far more often an accident than an edit. Reloads run one at a time, so
//! the watcher and an admin's `/reload` never index into one folder at once.
//! The watcher listens to the platform's file notifications (inotify,
//! FSEvents, kqueue, ReadDirectoryChanges) and polls only where there are
//! none, such as a network share.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::assistant::Assistant;
use crate::i18n::{Arg, Catalog};
use crate::index::{IndexError, Location, Refresh, SearchIndex};
use crate::knowledge;
use crate::lang::Lang;
use crate::search::Library;

/// How often the folder is looked at where there are no notifications.
pub const POLL: Duration = Duration::from_secs(2);
/// How long the folder must be quiet before it is read, so that an editor
/// or a copy finishes writing first.
const SETTLE: Duration = Duration::from_millis(300);

/// One reload at a time in this process: load, index, swap.
static RELOADING: Mutex<()> = Mutex::new(());

/// What a reload did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The new knowledge serves, with this many entries.
    Reloaded(usize),
    /// The folder has errors (each with file and line); the old knowledge
    /// keeps serving.
    Rejected(Vec<String>),
    /// The folder is sound but would drop every entry, or more than half,
    /// so the old knowledge keeps serving until an admin forces the reload.
    Refused { before: usize, after: usize },
}

impl Outcome {
    /// What the reload did, in words for an admin.
    pub fn describe(&self, catalog: &Catalog, lang: Lang) -> String {
        match self {
            Outcome::Reloaded(n) => catalog.format(lang, "admin-reload-done", &[("entries", Arg::Number(*n as i64))]),
            Outcome::Rejected(errors) => {
                catalog.format(lang, "admin-reload-failed", &[("errors", Arg::Text(errors.join("\n")))])
            }
            Outcome::Refused { before, after } => catalog.format(
                lang,
                "admin-reload-refused",
                &[
                    ("before", Arg::Number(*before as i64)),
                    ("after", Arg::Number(*after as i64)),
                ],
            ),
        }
    }
}

/// A reload and when it happened, for the maintainers' pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: SystemTime,
    pub outcome: Outcome,
}

/// Loads `dir`, and when it has no errors builds its index and swaps it
/// into `assistant`. A folder that would lose more than half of the
/// entries is refused unless `force` is set. Whatever the outcome, the
/// assistant notes it ([`Assistant::last_reload`]), whoever asked: the
/// watcher, `/reload` or the admin page's button.
pub fn reload(assistant: &Assistant, dir: &Path, location: &Location, force: bool) -> Outcome {
    let outcome = match prepare(&assistant.library(), dir, location, force) {
        Ok(library) => swap_in(assistant, library),
        Err(outcome) => outcome,
    };
    assistant.note_reload(Note {
        at: SystemTime::now(),
        outcome: outcome.clone(),
    });
    outcome
}

/// The library of `dir` as it is now, to replace `serving`; the outcome
/// where it must not replace it (and [`Outcome::Reloaded`] where nothing
/// in the folder changed, so `serving` is the folder's knowledge still).
/// An index kept in a folder is changed in place where only some files
/// changed ([`SearchIndex::refresh`]); else the folder is loaded and indexed
/// afresh. Blocks while it works.
pub fn prepare(serving: &Library, dir: &Path, location: &Location, force: bool) -> Result<Library, Outcome> {
    let _one_at_a_time = RELOADING.lock().unwrap_or_else(|e| e.into_inner());
    let before = serving.knowledge().len();
    let refused = |after: usize| {
        log::error!("knowledge not reloaded: it would shrink from {before} to {after} entries; an admin can force it");
        Outcome::Refused { before, after }
    };
    let rejected = |err: IndexError| {
        log::error!("knowledge not reloaded: {err}");
        Outcome::Rejected(vec![err.to_string()])
    };
    match serving.index().refresh(serving.knowledge(), dir, location) {
        Ok(Refresh::Unchanged) => return Err(Outcome::Reloaded(before)),
        Ok(Refresh::Update(pending)) => {
            let after = pending.knowledge().len();
            if !force && after * 2 < before {
                return Err(refused(after));
            }
            match pending.apply(serving.index()) {
                Ok((knowledge, index)) => return Ok(Library::from_parts(knowledge, index)),
                // The index is built afresh below.
                Err(err) => log::warn!("the kept index could not be changed in place ({err}); it is built afresh"),
            }
        }
        Ok(Refresh::Whole) => {}
        Err(err) => return Err(rejected(err)),
    }
    let mut loaded = knowledge::load_for_serving(dir);
    let errors: Vec<String> = loaded.errors().map(ToString::to_string).collect();
    if !errors.is_empty() {
        for error in &errors {
            log::error!("knowledge not reloaded: {error}");
        }
        return Err(Outcome::Rejected(errors));
    }
    let after = loaded.knowledge.len();
    if !force && after * 2 < before {
        return Err(refused(after));
    }
    let index = SearchIndex::build_served(&mut loaded, dir, location, &mut |_, _| {}).map_err(rejected)?;
    Ok(Library::from_parts(loaded.knowledge, index))
}

/// Swaps a prepared library into `assistant`.
pub fn swap_in(assistant: &Assistant, library: Library) -> Outcome {
    let after = library.knowledge().len();
    assistant.replace_library(Arc::new(library));
    log::info!("knowledge reloaded: {after} entries");
    Outcome::Reloaded(after)
}

/// Watches `dir` on a thread of its own and reloads on every change;
/// `on_outcome` hears of each reload (to tell the admins).
pub fn watch(
    assistant: Arc<Assistant>,
    dir: PathBuf,
    location: Location,
    on_outcome: impl Fn(Outcome) + Send + 'static,
) -> std::io::Result<JoinHandle<()>> {
    let (sender, events) = std::sync::mpsc::channel();
    // Started before the thread, so no edit from now on is missed.
    let watcher = start_watcher(&dir, sender)?;
    std::thread::Builder::new().name("lotse-reload".into()).spawn(move || {
        // The watcher stops when dropped; the thread keeps it.
        let mut watcher = watcher;
        // Notifications name paths in full.
        let full = std::path::absolute(&dir).unwrap_or_else(|_| dir.clone());
        while let Some(replaced) = wait_for_change(&events, &full) {
            if replaced {
                // A folder swapped in by a rename is a new folder to watch.
                let _ = watcher.unwatch(&dir);
                if let Err(err) = watcher.watch(&dir, RecursiveMode::Recursive) {
                    log::error!("cannot watch the knowledge folder again: {err}");
                }
            }
            on_outcome(reload(&assistant, &dir, &location, false));
        }
    })
}

/// Notifications where the platform has them, else polling.
fn start_watcher(
    dir: &Path,
    sender: std::sync::mpsc::Sender<notify::Result<notify::Event>>,
) -> std::io::Result<Box<dyn Watcher + Send>> {
    let io = |err: notify::Error| std::io::Error::other(format!("watching {}: {err}", dir.display()));
    let native = notify::RecommendedWatcher::new(sender.clone(), notify::Config::default()).and_then(|mut w| {
        w.watch(dir, RecursiveMode::Recursive)?;
        Ok(w)
    });
    match native {
        Ok(watcher) => Ok(Box::new(watcher)),
        Err(err) => {
            log::warn!("no file notifications for the knowledge folder ({err}); looking every {POLL:?} instead");
            let config = notify::Config::default().with_poll_interval(POLL);
            let mut watcher = notify::PollWatcher::new(sender, config).map_err(io)?;
            watcher.watch(dir, RecursiveMode::Recursive).map_err(io)?;
            Ok(Box::new(watcher))
        }
    }
}

/// Blocks until the folder changed and has been quiet for [`SETTLE`];
/// says whether the folder itself was removed or renamed (and may have been
/// replaced); `None` once the watcher is gone.
fn wait_for_change(events: &Receiver<notify::Result<notify::Event>>, dir: &Path) -> Option<bool> {
    let mut replaced = false;
    let mut note = |event: &notify::Result<notify::Event>| {
        replaced |= event.as_ref().is_ok_and(|e| {
            matches!(
                e.kind,
                EventKind::Remove(_) | EventKind::Modify(notify::event::ModifyKind::Name(_))
            ) && e.paths.iter().any(|p| p == dir)
        });
    };
    loop {
        let event = events.recv().ok()?;
        if is_change(&event) {
            note(&event);
            break;
        }
    }
    loop {
        match events.recv_timeout(SETTLE) {
            Ok(event) => note(&event),
            Err(RecvTimeoutError::Timeout) => return Some(replaced),
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

/// Whether an event may change what the folder holds. Reading a file (as
/// a reload does) is not a change; an error of the watcher may hide one.
fn is_change(event: &notify::Result<notify::Event>) -> bool {
    match event {
        Ok(event) => !matches!(event.kind, EventKind::Access(_)),
        Err(err) => {
            log::warn!("watching the knowledge folder: {err}");
            true
        }
    }
}
