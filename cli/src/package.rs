//! The `bedside` package an app's build resolved, and what it carries for
//! the page: the two stylesheets, the images their rules refer to, and the
//! Trusted Types policy.
//!
//! Read from the very package Cargo compiled (found with `cargo metadata`),
//! not from a copy in this tool: the component CSS's class names are hashes
//! that the crate's code names too (stylance), so styles from any other
//! version of the crate would silently style nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What went wrong finding or reading the package.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    /// `cargo metadata` could not be run or failed.
    #[error("`cargo metadata` failed: {0}")]
    Metadata(String),
    /// Its answer was not what Cargo writes.
    #[error("`cargo metadata` answered something unexpected: {0}")]
    Answer(String),
    /// The app does not depend on `bedside`.
    #[error(
        "the app does not depend on the bedside crate (no package `bedside` in `cargo metadata`)"
    )]
    NotADependency,
    /// More than one version is in the build.
    #[error("the build has more than one version of the bedside crate ({0}); depend on one")]
    Versions(String),
    /// This command is for another version of the crate.
    #[error(
        "this `bedside` command is version {cli}, the app's bedside crate is {crate_version}: install the matching one (cargo install bedside-cli --version {crate_version})"
    )]
    Mismatch {
        /// This command's version.
        cli: String,
        /// The crate's.
        crate_version: String,
    },
    /// The package has no built styles (a checkout of the repository
    /// rather than a package, before `scripts/build-css.mjs --package`).
    #[error(
        "{0} is missing: the bedside package carries it; in a checkout of Bedside, run `node scripts/build-css.mjs --package` first"
    )]
    Missing(PathBuf),
    /// A file could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The `bedside` package in an app's build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// Its version.
    pub version: String,
    /// Its folder (beside its `Cargo.toml`).
    pub dir: PathBuf,
}

/// The files the page needs from the package.
pub struct Assets {
    /// The first stylesheet.
    pub first_css: Vec<u8>,
    /// The stylesheet for what arrives later.
    pub later_css: Vec<u8>,
    /// The page's `default` Trusted Types policy.
    pub policy: String,
    /// The images the stylesheets refer to (`assets/images/<name>`): name
    /// and content.
    pub images: Vec<(String, Vec<u8>)>,
}

/// The `bedside` package of the app whose manifest is `manifest` (the
/// current folder's when `None`), checked against this command's version.
pub fn locate(manifest: Option<&Path>) -> Result<Package, PackageError> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.args(["metadata", "--format-version", "1"]);
    if let Some(manifest) = manifest {
        command.arg("--manifest-path").arg(manifest);
    }
    let output = command
        .output()
        .map_err(|e| PackageError::Metadata(e.to_string()))?;
    if !output.status.success() {
        return Err(PackageError::Metadata(
            String::from_utf8_lossy(&output.stderr).trim().to_string(),
        ));
    }
    let package = from_metadata(&output.stdout)?;
    if !compatible(env!("CARGO_PKG_VERSION"), &package.version) {
        return Err(PackageError::Mismatch {
            cli: env!("CARGO_PKG_VERSION").into(),
            crate_version: package.version,
        });
    }
    Ok(package)
}

/// The one `bedside` package in `cargo metadata`'s answer.
pub fn from_metadata(json: &[u8]) -> Result<Package, PackageError> {
    let answer: serde_json::Value =
        serde_json::from_slice(json).map_err(|e| PackageError::Answer(e.to_string()))?;
    let packages = answer["packages"]
        .as_array()
        .ok_or_else(|| PackageError::Answer("no `packages` list".into()))?;
    let found: Vec<Package> = packages
        .iter()
        .filter(|p| p["name"] == "bedside")
        .map(|p| {
            let manifest = p["manifest_path"]
                .as_str()
                .ok_or_else(|| PackageError::Answer("a package without `manifest_path`".into()))?;
            let dir = Path::new(manifest)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            let version = p["version"]
                .as_str()
                .ok_or_else(|| PackageError::Answer("a package without `version`".into()))?;
            Ok(Package {
                version: version.to_string(),
                dir,
            })
        })
        .collect::<Result<_, PackageError>>()?;
    match found.as_slice() {
        [] => Err(PackageError::NotADependency),
        [one] => Ok(one.clone()),
        many => Err(PackageError::Versions(
            many.iter()
                .map(|p| p.version.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )),
    }
}

/// Whether a command of version `cli` serves a crate of version `crate_version`:
/// the same release series by Cargo's rules (the same major version, or
/// before 1.0 the same minor), since the page's conventions (the later
/// stylesheet's `<meta>`, the files' places) may change between series.
pub fn compatible(cli: &str, crate_version: &str) -> bool {
    let series = |v: &str| {
        let mut parts = v.split(['.', '-', '+']).map(|p| p.parse::<u64>().ok());
        match (parts.next().flatten(), parts.next().flatten()) {
            (Some(0), Some(minor)) => Some((0, minor)),
            (Some(major), Some(_)) => Some((major, 0)),
            _ => None,
        }
    };
    matches!((series(cli), series(crate_version)), (Some(a), Some(b)) if a == b)
}

impl Package {
    /// The built stylesheets, images and policy.
    pub fn assets(&self) -> Result<Assets, PackageError> {
        let dist = self.dir.join("assets/dist");
        let images_dir = dist.join("images");
        let mut images = Vec::new();
        let entries = std::fs::read_dir(&images_dir)
            .map_err(|_| PackageError::Missing(images_dir.clone()))?;
        for entry in entries {
            let path = entry
                .map_err(|source| PackageError::Read {
                    path: images_dir.clone(),
                    source,
                })?
                .path();
            if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                images.push((name.to_string(), read(&path)?));
            }
        }
        images.sort();
        let policy =
            String::from_utf8_lossy(&read(&self.dir.join("assets/trusted-types.js"))?).into_owned();
        Ok(Assets {
            first_css: read(&dist.join("bedside.css"))?,
            later_css: read(&dist.join("bedside-later.css"))?,
            policy,
            images,
        })
    }
}

fn read(path: &Path) -> Result<Vec<u8>, PackageError> {
    std::fs::read(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => PackageError::Missing(path.to_path_buf()),
        _ => PackageError::Read {
            path: path.to_path_buf(),
            source,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metadata(packages: &[(&str, &str, &str)]) -> Vec<u8> {
        let list: Vec<_> = packages
            .iter()
            .map(|(name, version, manifest)| serde_json::json!({"name": name, "version": version, "manifest_path": manifest}))
            .collect();
        serde_json::to_vec(&serde_json::json!({"packages": list, "resolve": null})).expect("json")
    }

    #[test]
    fn the_package_is_found_by_name_in_the_build() {
        let json = metadata(&[
            ("leptos", "0.8.23", "/reg/leptos-0.8.23/Cargo.toml"),
            ("bedside", "0.1.0", "/reg/bedside-0.1.0/Cargo.toml"),
            (
                "bedside-core",
                "0.1.0",
                "/reg/bedside-core-0.1.0/Cargo.toml",
            ),
        ]);
        assert_eq!(
            from_metadata(&json).expect("found"),
            Package {
                version: "0.1.0".into(),
                dir: PathBuf::from("/reg/bedside-0.1.0")
            }
        );
    }

    #[test]
    fn no_package_or_two_versions_are_errors_that_say_so() {
        let none = metadata(&[("leptos", "0.8.23", "/reg/leptos/Cargo.toml")]);
        assert!(matches!(
            from_metadata(&none),
            Err(PackageError::NotADependency)
        ));
        let two = metadata(&[
            ("bedside", "0.1.0", "/a/Cargo.toml"),
            ("bedside", "0.2.0", "/b/Cargo.toml"),
        ]);
        let error = from_metadata(&two).expect_err("two versions");
        assert_eq!(
            error.to_string(),
            "the build has more than one version of the bedside crate (0.1.0, 0.2.0); depend on one"
        );
        assert!(matches!(from_metadata(b"[]"), Err(PackageError::Answer(_))));
        assert!(matches!(
            from_metadata(b"not json"),
            Err(PackageError::Answer(_))
        ));
    }

    #[test]
    fn versions_match_by_release_series() {
        assert!(compatible("0.1.0", "0.1.7"));
        assert!(
            !compatible("0.1.0", "0.2.0"),
            "before 1.0 a minor version is a series"
        );
        assert!(compatible("1.2.0", "1.9.3"));
        assert!(!compatible("1.2.0", "2.0.0"));
        assert!(compatible("0.3.0-beta.1", "0.3.0"));
        assert!(!compatible("0.1.0", "nonsense"));
    }

    #[test]
    fn a_package_without_built_styles_names_the_missing_file() {
        let dir = std::env::temp_dir().join(format!("bedside-cli-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("assets/dist/images")).expect("folders");
        let package = Package {
            version: "0.1.0".into(),
            dir: dir.clone(),
        };
        let missing = package.assets().err().expect("nothing built");
        assert!(
            matches!(&missing, PackageError::Missing(p) if p.ends_with("assets/trusted-types.js")),
            "{missing}"
        );
        std::fs::write(dir.join("assets/trusted-types.js"), "policy").expect("written");
        std::fs::write(dir.join("assets/dist/bedside.css"), "h1{}").expect("written");
        std::fs::write(dir.join("assets/dist/bedside-later.css"), "h2{}").expect("written");
        std::fs::write(dir.join("assets/dist/images/cross.svg"), "<svg/>").expect("written");
        let assets = package.assets().expect("read");
        assert_eq!(
            (
                assets.first_css.as_slice(),
                assets.later_css.as_slice(),
                assets.policy.as_str()
            ),
            (&b"h1{}"[..], &b"h2{}"[..], "policy")
        );
        assert_eq!(
            assets.images,
            vec![("cross.svg".to_string(), b"<svg/>".to_vec())]
        );
        let _ = std::fs::remove_dir_all(dir);
    }
}
