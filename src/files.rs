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

/// A path as typed in the desk, with a leading `~` or `$HOME`/`${HOME}` replaced by the home
/// folder (from the `HOME` environment variable); anything else is taken as written.
pub fn typed_path(typed: &str) -> PathBuf {
    expand_home(
        typed,
        std::env::var_os("HOME").as_deref().and_then(|h| h.to_str()),
    )
}

/// `typed` with a leading home marker replaced by `home`; unchanged when `home` is unknown.
fn expand_home(typed: &str, home: Option<&str>) -> PathBuf {
    let Some(home) = home else {
        return PathBuf::from(typed);
    };
    for marker in ["~", "${HOME}", "$HOME"] {
        if let Some(rest) = typed.strip_prefix(marker)
            && (rest.is_empty() || rest.starts_with('/'))
        {
            return PathBuf::from(format!("{home}{rest}"));
        }
    }
    PathBuf::from(typed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_markers_expand_at_the_start_only() {
        let home = Some("/home/ann");
        assert_eq!(
            expand_home("~/x.csv", home),
            PathBuf::from("/home/ann/x.csv")
        );
        assert_eq!(
            expand_home("$HOME/x.csv", home),
            PathBuf::from("/home/ann/x.csv")
        );
        assert_eq!(
            expand_home("${HOME}/a/b.csv", home),
            PathBuf::from("/home/ann/a/b.csv")
        );
        assert_eq!(expand_home("~", home), PathBuf::from("/home/ann"));
        assert_eq!(expand_home("~bob/x.csv", home), PathBuf::from("~bob/x.csv"));
        assert_eq!(expand_home("$HOMEDIR/x", home), PathBuf::from("$HOMEDIR/x"));
        assert_eq!(expand_home("a/~/x.csv", home), PathBuf::from("a/~/x.csv"));
        assert_eq!(expand_home("~/x.csv", None), PathBuf::from("~/x.csv"));
    }
}
