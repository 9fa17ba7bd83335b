//! The φ files the server knows, and the shadow folder where each has its `.py` twin: the
//! Python language server works on that folder, so imports between φ modules resolve as
//! they do when phicode runs them.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::document::Document;
use crate::host::{Dialect, Host};
use crate::shadow;

/// Every φ file of the workspace (read from disk, or as the editor has it) and its twin.
pub struct Workspace {
    /// The workspace folder.
    pub root: PathBuf,
    shadow: tempfile::TempDir,
    docs: HashMap<PathBuf, Document>,
    twins: HashMap<PathBuf, PathBuf>,
    configs: HashMap<PathBuf, Option<PathBuf>>,
    dialects: HashMap<Option<PathBuf>, Arc<Dialect>>,
}

impl Workspace {
    /// Reads every φ file under `root` and writes its twin (and a link to each `.py` file)
    /// into a new shadow folder.
    pub fn new(root: PathBuf, host: &dyn Host) -> io::Result<Self> {
        let shadow = tempfile::Builder::new().prefix("phicode-lsp-").tempdir()?;
        let mut ws = Self {
            root,
            shadow,
            docs: HashMap::new(),
            twins: HashMap::new(),
            configs: HashMap::new(),
            dialects: HashMap::new(),
        };
        let (phicode, python) = shadow::sources(&ws.root);
        for path in phicode {
            if let Ok(text) = std::fs::read_to_string(&path) {
                ws.load(host, path, text);
            }
        }
        for path in python {
            let twin = ws.twin_path(&path);
            if !ws.twins.contains_key(&twin) {
                shadow::link(&path, &twin)?;
            }
        }
        Ok(ws)
    }

    /// The shadow folder the Python server works on.
    pub fn shadow_root(&self) -> &Path {
        self.shadow.path()
    }

    /// Where the twin of `path` goes: the same place under the shadow folder, as `.py`
    /// (files outside the workspace under `_outside/`).
    pub fn twin_path(&self, path: &Path) -> PathBuf {
        let relative = match path.strip_prefix(&self.root) {
            Ok(inside) => inside.to_path_buf(),
            Err(_) => Path::new("_outside").join(path.strip_prefix("/").unwrap_or(path)),
        };
        self.shadow.path().join(relative).with_extension("py")
    }

    /// Adds or replaces the document for `path` with `text`, converted, its twin written.
    pub fn load(&mut self, host: &dyn Host, path: PathBuf, text: String) -> &mut Document {
        let dialect = self.dialect_for(host, &path);
        let twin = self.twin_path(&path);
        let doc = Document::new(path.clone(), twin.clone(), text, dialect);
        // A twin that cannot be written only costs the Python server that module.
        let _ = shadow::write(&twin, &doc.python);
        self.twins.insert(twin, path.clone());
        self.docs.entry(path).insert_entry(doc).into_mut()
    }

    /// Writes the twin of `path` again after an edit.
    pub fn save_twin(&self, path: &Path) {
        if let Some(doc) = self.docs.get(path) {
            let _ = shadow::write(&doc.twin, &doc.python);
        }
    }

    /// The document of φ file `path`.
    pub fn get(&self, path: &Path) -> Option<&Document> {
        self.docs.get(path)
    }

    /// The document of φ file `path`, to edit.
    pub fn get_mut(&mut self, path: &Path) -> Option<&mut Document> {
        self.docs.get_mut(path)
    }

    /// The document whose twin is `twin`.
    pub fn by_twin(&self, twin: &Path) -> Option<&Document> {
        self.twins.get(twin).and_then(|p| self.docs.get(p))
    }

    /// The real file a shadow path stands for (`None`: not in the shadow folder).
    pub fn real_path(&self, shadow_path: &Path) -> Option<PathBuf> {
        if let Some(phi) = self.twins.get(shadow_path) {
            return Some(phi.clone());
        }
        let relative = shadow_path.strip_prefix(self.shadow.path()).ok()?;
        Some(self.root.join(relative))
    }

    /// Every document.
    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        self.docs.values()
    }

    /// Forgets every loaded config and converts every document again (a config changed).
    pub fn reload_dialects(&mut self, host: &dyn Host) {
        self.configs.clear();
        self.dialects.clear();
        let paths: Vec<PathBuf> = self.docs.keys().cloned().collect();
        for path in paths {
            let dialect = self.dialect_for(host, &path);
            if let Some(doc) = self.docs.get_mut(&path) {
                doc.dialect = dialect;
                doc.convert();
                let _ = shadow::write(&doc.twin, &doc.python);
            }
        }
    }

    /// The dialect for a φ file, each config loaded once.
    pub fn dialect_for(&mut self, host: &dyn Host, path: &Path) -> Arc<Dialect> {
        let folder = path.parent().unwrap_or(Path::new("/")).to_path_buf();
        let config =
            self.configs.entry(folder.clone()).or_insert_with(|| host.discover(&folder)).clone();
        self.dialects
            .entry(config.clone())
            .or_insert_with(|| Arc::new(host.dialect(config.as_deref())))
            .clone()
    }
}
