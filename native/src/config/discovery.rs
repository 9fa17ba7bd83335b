//! Finding a program's config: the nearest folder, from the program's own folder upward to
//! the project root (a folder holding `.git`) or the filesystem root, with a config file.

use std::path::{Path, PathBuf};

/// Config folders in precedence order; each holds a `config.json`.
pub const CONFIG_FOLDERS: [&str; 2] = [".(φ)", ".phicode"];

/// The config file that applies to programs in `start`, if any.
pub fn discover(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        for folder in CONFIG_FOLDERS {
            let candidate = dir.join(folder).join("config.json");
            // Anything there is the config, a folder or a dangling link too: reading it then
            // fails with a clear error, where skipping it would silently use another config.
            if candidate.symlink_metadata().is_ok() {
                return Some(candidate);
            }
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::fs;

    fn touch(path: &Path) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, "{}").unwrap();
    }

    #[test]
    fn nearest_folder_wins_and_phi_before_phicode() {
        let root = tempfile::tempdir().unwrap();
        let deep = root.path().join("a/b");
        fs::create_dir_all(&deep).unwrap();
        touch(&root.path().join(".phicode/config.json"));
        assert_eq!(discover(&deep), Some(root.path().join(".phicode/config.json")));
        touch(&root.path().join(".(φ)/config.json"));
        assert_eq!(discover(&deep), Some(root.path().join(".(φ)/config.json")));
        touch(&root.path().join("a/.phicode/config.json"));
        assert_eq!(discover(&deep), Some(root.path().join("a/.phicode/config.json")));
    }

    #[test]
    fn stops_at_the_project_root() {
        let root = tempfile::tempdir().unwrap();
        touch(&root.path().join(".phicode/config.json"));
        let project = root.path().join("project");
        fs::create_dir_all(project.join(".git")).unwrap();
        fs::create_dir_all(project.join("src")).unwrap();
        assert_eq!(discover(&project.join("src")), None);
    }
}
