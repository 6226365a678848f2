//! Files salesdesk writes beside the database (exports, backups): each is first written to a
//! hidden temporary file in the target's folder, readable by its owner only (mode 0600 on unix),
//! and takes the target's name in one rename once complete.

use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// The target's folder cannot take a new file.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {reason}", path = .path.display())]
pub struct FolderError {
    /// The file asked for.
    pub path: PathBuf,
    /// Why, in the manager's words.
    pub reason: String,
}

/// A new, empty, private temporary file in the folder of `target`, to be renamed onto it.
pub fn temp_beside(target: &Path) -> Result<NamedTempFile, FolderError> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| FolderError {
            path: target.to_path_buf(),
            reason: if dir.is_dir() {
                format!(
                    "the folder {} cannot be written ({})",
                    dir.display(),
                    e.kind()
                )
            } else {
                format!("the folder {} does not exist", dir.display())
            },
        })
}
