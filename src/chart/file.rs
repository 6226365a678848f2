//! An SVG file that appears only when complete: the text goes to a hidden temporary file in the
//! same folder (mode 0600), which replaces the target in one rename.

use std::io::Write as _;
use std::path::Path;

use crate::export::ExportError;

/// Writes `svg` to `path`, replacing any file there only once the new one is complete.
pub fn write_svg(path: &Path, svg: &str) -> Result<(), ExportError> {
    let write_error = |error| ExportError::Write {
        path: path.to_path_buf(),
        error,
    };
    let mut temp = crate::files::temp_beside(path)?;
    temp.write_all(svg.as_bytes()).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    temp.persist(path).map(drop).map_err(|e| ExportError::Save {
        path: path.to_path_buf(),
        error: e.error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_complete_private_and_replaces_the_old_one()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("chart.svg");
        std::fs::write(&path, "old")?;
        write_svg(&path, "<svg/>")?;
        assert_eq!(std::fs::read_to_string(&path)?, "<svg/>");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(
                std::fs::metadata(&path)?.permissions().mode() & 0o777,
                0o600
            );
        }
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            1,
            "no temporary file left"
        );
        Ok(())
    }

    #[test]
    fn a_missing_folder_is_named() {
        let missing = Path::new("no/such/folder/chart.svg");
        let error = write_svg(missing, "<svg/>").err().map(|e| e.to_string());
        assert!(
            error
                .as_deref()
                .is_some_and(|e| e.contains("does not exist")),
            "{error:?}"
        );
    }
}
