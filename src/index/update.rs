//! A reload of a kept index that changes only what changed: the entries of
//! the files edited, added or removed are read again, and only their
//! documents are replaced, in the index the serving library reads. A
//! rebuild of 100,000 entries beside the serving library would hold both
//! in memory at once; this holds the serving one and the few entries
//! read again.
//!
//! An update is used only where the kept index's stamp still names what
//! the serving index was built from (another process may have rebuilt it),
//! and only for a change without errors ([`knowledge::update`]); anything
//! else is a whole reload ([`Refresh::Whole`]). The stamp is removed
//! before the index changes and written once it has, so an update cut
//! short leaves an index the next start rebuilds.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::indexer::NoMergePolicy;
use tantivy::{Index, TantivyDocument, Term};

use super::{IndexError, Location, SearchIndex, WRITER_MEMORY, document, register_analyzers, schema, stamp};
use crate::knowledge::{self, Knowledge};

/// What a reload of the knowledge folder needs.
pub enum Refresh {
    /// Nothing was added, removed or changed in content.
    Unchanged,
    /// Load the folder and build its index afresh: the index is in
    /// memory, its stamp names another build, or the change has errors
    /// (which a whole load reports).
    Whole,
    /// Replace the documents of the entries read again.
    Update(Pending),
}

/// The knowledge of a changed folder, read but not yet indexed; the kept
/// index's folder stays claimed (locked) until it is.
pub struct Pending {
    folder: stamp::Folder,
    dir: PathBuf,
    knowledge_dir: PathBuf,
    update: knowledge::Update,
}

impl SearchIndex {
    /// What a reload of `knowledge_dir` needs, for this index (at
    /// `location`) of `knowledge`: the files are looked at by size and
    /// time of change, and only those that differ are read.
    pub fn refresh(
        &self,
        knowledge: &Knowledge,
        knowledge_dir: &Path,
        location: &Location,
    ) -> Result<Refresh, IndexError> {
        let (Location::Dir(dir), Some(fingerprint)) = (location, &self.stamp) else {
            return Ok(Refresh::Whole);
        };
        let folder = stamp::Folder::claim(dir)?;
        let Some(mut sources) = folder.sources(fingerprint) else {
            return Ok(Refresh::Whole);
        };
        let Some(changes) = knowledge::changes(knowledge_dir, &mut sources) else {
            return Ok(Refresh::Whole);
        };
        if changes.paths.is_empty() {
            return Ok(Refresh::Unchanged);
        }
        let Some(update) = knowledge::update(knowledge_dir, knowledge, sources, &changes.paths) else {
            return Ok(Refresh::Whole);
        };
        log::info!(
            "knowledge changed in {} files: {} entries read again, {} replaced",
            changes.paths.len(),
            update.fresh.len(),
            update.replaced.len()
        );
        Ok(Refresh::Update(Pending {
            folder,
            dir: dir.clone(),
            knowledge_dir: knowledge_dir.to_path_buf(),
            update,
        }))
    }
}

impl Pending {
    /// The knowledge as it is now.
    pub fn knowledge(&self) -> &Knowledge {
        &self.update.knowledge
    }

    /// Replaces the documents of the entries read again in the kept index
    /// that `serving` reads, stamps it, and returns the new knowledge with
    /// its index. `serving` reads on in what it read before. New entries'
    /// German words join those compounds are split against; the words of
    /// removed entries stay until the index is built afresh.
    pub fn apply(self, serving: &SearchIndex) -> Result<(Knowledge, SearchIndex), IndexError> {
        let Pending {
            folder,
            dir,
            knowledge_dir,
            update,
        } = self;
        let (schema, fields) = schema();
        let index = Index::open_in_dir(&dir)?;
        if index.schema() != schema {
            return Err(IndexError::Mismatch);
        }
        let mut compounds = serving.compounds.copy();
        for entry in &update.fresh {
            let texts = entry.german();
            compounds.add(&texts.body().map_err(IndexError::Bodies)?);
            [texts.title(), texts.summary()]
                .into_iter()
                .chain(texts.keywords())
                .for_each(|t| compounds.add(t));
        }
        let compounds = Arc::new(compounds);
        register_analyzers(&index, &compounds);
        // From here on the index changes: cut short, it is built afresh.
        folder.unseal()?;
        let before: HashSet<_> = serving
            .reader
            .searcher()
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, WRITER_MEMORY)?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        // Deleted before the new documents are added, which they spare.
        for id in &update.replaced {
            writer.delete_term(Term::from_field_text(fields.id, id));
        }
        for entry in &update.fresh {
            writer.add_document(document(&fields, entry).map_err(IndexError::Bodies)?)?;
        }
        writer.commit()?;
        // The new segment, those with deleted documents and (where there
        // are none) the smallest other one become one: no deleted document
        // stays to count in the statistics, and the index keeps as many
        // segments as it had.
        let metas = index.searchable_segment_metas()?;
        let mut merged: Vec<_> = metas
            .iter()
            .filter(|m| m.has_deletes() || !before.contains(&m.id()))
            .map(|m| m.id())
            .collect();
        if merged.iter().all(|id| !before.contains(id))
            && let Some(smallest) = metas
                .iter()
                .filter(|m| before.contains(&m.id()))
                .min_by_key(|m| m.num_docs())
        {
            merged.push(smallest.id());
        }
        if merged.len() > 1 || metas.iter().any(|m| m.has_deletes()) {
            writer.merge(&merged).wait()?;
        }
        // A segment's files stay while any value of its metadata lives.
        drop(metas);
        // The files of the segments merged away: the serving library reads
        // on in what it opened, and the disk does not fill with them.
        writer.garbage_collect_files().wait()?;
        writer.wait_merging_threads()?;
        crate::memory::give_back_freed();
        let mut knowledge = update.knowledge;
        let fingerprint = stamp::fingerprint(&knowledge);
        let words = compounds.words();
        folder.seal(&fingerprint, &knowledge, Some((&knowledge_dir, words.as_slice())))?;
        drop(words);
        knowledge.forget_sources();
        let index = SearchIndex::ready(index, fields, &knowledge, &compounds, Some(fingerprint))?;
        Ok((knowledge, index))
    }
}
