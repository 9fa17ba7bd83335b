//! Kernelspecs: `phicode kernel install` writes `kernels/<name>/kernel.json` where Jupyter
//! looks (as `ipykernel install` does: the system folder, `--user`, `--sys-prefix`,
//! `--prefix`), and `phicode kernel list` shows the kernelspecs Jupyter would find.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jupyter_protocol::JupyterKernelspec;
use serde_json::json;

use crate::error::InstallError;

/// Where a kernelspec goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `/usr/local/share/jupyter` (every user).
    System,
    /// The user's Jupyter data folder (`$JUPYTER_DATA_DIR`, else
    /// `$XDG_DATA_HOME/jupyter`, else `~/.local/share/jupyter`).
    User,
    /// The active virtual environment or conda environment (`$VIRTUAL_ENV`, `$CONDA_PREFIX`).
    SysPrefix,
    /// `PREFIX/share/jupyter`.
    Prefix(PathBuf),
}

/// What to install.
#[derive(Debug, Clone)]
pub struct Install {
    /// Where.
    pub place: Place,
    /// The kernel's name (its folder): letters, digits, `.`, `_` and `-`.
    pub name: String,
    /// The name shown in Jupyter's launcher.
    pub display_name: String,
    /// The `phicode` executable, absolute.
    pub program: PathBuf,
    /// Arguments after `kernel -f {connection_file}` (`--session`, `--level`).
    pub args: Vec<String>,
    /// Environment variables the kernel is started with.
    pub env: Vec<(String, String)>,
}

/// The kernelspec `install` writes.
pub fn kernelspec(install: &Install) -> JupyterKernelspec {
    let mut argv = vec![
        install.program.to_string_lossy().into_owned(),
        "kernel".into(),
        "-f".into(),
        "{connection_file}".into(),
    ];
    argv.extend(install.args.iter().cloned());
    let metadata = HashMap::from([
        ("debugger".to_owned(), json!(false)),
        ("file_extension".to_owned(), json!(".φ")),
    ]);
    JupyterKernelspec {
        argv,
        display_name: install.display_name.clone(),
        language: "python".into(),
        metadata: Some(metadata),
        interrupt_mode: Some("message".into()),
        // Always a map: jupyter_client refuses a kernelspec whose `env` is null.
        env: Some(install.env.iter().cloned().collect()),
    }
}

/// Writes the kernelspec; returns its folder.
pub fn install(install: &Install) -> Result<PathBuf, InstallError> {
    let valid = !install.name.is_empty()
        && install.name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    if !valid {
        let why = format!("kernel name `{}`: use letters, digits, `.`, `_` and `-`", install.name);
        return Err(InstallError::NoFolder(why));
    }
    let folder = data_dir(&install.place)?.join("kernels").join(install.name.to_lowercase());
    let failed = |path: &Path| {
        let path = path.display().to_string();
        move |source| InstallError::Write { path, source }
    };
    std::fs::create_dir_all(&folder).map_err(failed(&folder))?;
    let spec = serde_json::to_vec_pretty(&kernelspec(install)).map_err(std::io::Error::other);
    let file = folder.join("kernel.json");
    let written = spec.and_then(|text| {
        let mut temp = tempfile::NamedTempFile::new_in(&folder)?;
        std::io::Write::write_all(&mut temp, &text)?;
        temp.persist(&file).map(drop).map_err(|e| e.error)
    });
    written.map_err(failed(&file))?;
    Ok(folder)
}

/// The Jupyter data folder of `place`.
fn data_dir(place: &Place) -> Result<PathBuf, InstallError> {
    let env = |key: &str| std::env::var_os(key).filter(|v| !v.is_empty()).map(PathBuf::from);
    match place {
        Place::System => Ok(PathBuf::from("/usr/local/share/jupyter")),
        Place::User => env("JUPYTER_DATA_DIR")
            .or_else(|| env("XDG_DATA_HOME").map(|d| d.join("jupyter")))
            .or_else(|| env("HOME").map(|h| h.join(".local/share/jupyter")))
            .ok_or_else(|| InstallError::NoFolder("HOME is not set".into())),
        Place::SysPrefix => env("VIRTUAL_ENV")
            .or_else(|| env("CONDA_PREFIX"))
            .map(|p| p.join("share/jupyter"))
            .ok_or_else(|| {
                InstallError::NoFolder("--sys-prefix needs an active venv or conda env".into())
            }),
        Place::Prefix(prefix) => Ok(prefix.join("share/jupyter")),
    }
}

/// The folders Jupyter looks for kernelspecs in, first one first (as `jupyter --paths`).
pub fn search_path() -> Vec<PathBuf> {
    let mut folders = Vec::new();
    if let Some(paths) = std::env::var_os("JUPYTER_PATH") {
        folders.extend(std::env::split_paths(&paths).filter(|p| !p.as_os_str().is_empty()));
    }
    folders.extend(data_dir(&Place::User).ok());
    folders.extend(data_dir(&Place::SysPrefix).ok());
    folders.push(PathBuf::from("/usr/local/share/jupyter"));
    folders.push(PathBuf::from("/usr/share/jupyter"));
    let mut seen = std::collections::HashSet::new();
    folders.retain(|f| seen.insert(f.clone()));
    folders
}

/// Every kernelspec found (name, folder, whether it runs phicode), the first of each name.
pub fn list() -> Vec<(String, PathBuf, bool)> {
    let mut found: Vec<(String, PathBuf, bool)> = Vec::new();
    for folder in search_path() {
        let Ok(entries) = std::fs::read_dir(folder.join("kernels")) else { continue };
        let mut here: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        here.sort();
        for spec in here {
            let Some(name) = spec.file_name().map(|n| n.to_string_lossy().into_owned()) else {
                continue;
            };
            let Ok(text) = std::fs::read(spec.join("kernel.json")) else { continue };
            if found.iter().any(|(n, _, _)| *n == name) {
                continue;
            }
            let ours = serde_json::from_slice::<JupyterKernelspec>(&text)
                .is_ok_and(|k| k.argv.get(1).is_some_and(|a| a == "kernel"));
            found.push((name, spec, ours));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installs_where_asked_and_lists_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let install = Install {
            place: Place::Prefix(dir.path().to_path_buf()),
            name: "phicode".into(),
            display_name: "Phicode (φ)".into(),
            program: PathBuf::from("/opt/bin/phicode"),
            args: vec!["--level".into(), "standard".into()],
            env: vec![("PYTHONPATH".into(), "/x".into())],
        };
        let folder = install_ok(&install);
        assert_eq!(folder, dir.path().join("share/jupyter/kernels/phicode"));
        let text = std::fs::read_to_string(folder.join("kernel.json")).expect("read");
        let spec: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(
            spec["argv"],
            json!(["/opt/bin/phicode", "kernel", "-f", "{connection_file}", "--level", "standard"])
        );
        assert_eq!(spec["display_name"], "Phicode (φ)");
        assert_eq!(spec["language"], "python");
        assert_eq!(spec["interrupt_mode"], "message");
        assert_eq!(spec["env"]["PYTHONPATH"], "/x");
        let plain = Install { env: Vec::new(), name: "plain".into(), ..install.clone() };
        let text = std::fs::read_to_string(install_ok(&plain).join("kernel.json")).expect("read");
        let spec: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(spec["env"], json!({}));
        let bad = Install { name: "a b".into(), ..install };
        assert!(super::install(&bad).is_err());
    }

    fn install_ok(install: &Install) -> PathBuf {
        super::install(install).expect("install")
    }
}
