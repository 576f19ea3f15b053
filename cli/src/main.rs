//! `bedside`: what a trust's app built with Trunk needs from the `bedside`
//! crate beside its code, with nothing from the Bedside repository's own
//! scripts and no Node.js.
//!
//! ```toml
//! # Trunk.toml
//! [[hooks]]
//! stage = "post_build"
//! command = "bedside"
//! command_arguments = ["post-build"]
//! ```
//!
//! `bedside post-build` (a Trunk post-build hook) adds the crate's two
//! stylesheets (the NHS.UK styles, the design tokens and the components'
//! own CSS: the first with the page, the later one when the first code on
//! demand needs it) with the images their rules refer to, and makes the
//! page run under a Content-Security-Policy without `'unsafe-inline'`: the
//! inline start-up script Trunk writes becomes a file with Subresource
//! Integrity, headed by the Trusted Types policy Leptos needs. It refuses a
//! page with inline code left.
//!
//! `bedside css --out <folder>` copies the same files, for a build that is
//! not Trunk's.
//!
//! Why a command and not files to link: the styles must be the ones of the
//! very crate version the app compiled (the components' class names are
//! hashes its code names), and that version's package is somewhere in
//! Cargo's cache, which an `index.html` cannot name. `cargo metadata` can.

mod package;
mod page;

use std::path::{Path, PathBuf};

/// What went wrong, for the one line the command prints.
#[derive(Debug, thiserror::Error)]
enum CliError {
    /// The command line.
    #[error("{0}\n\n{USAGE}")]
    Usage(String),
    /// Not run as Trunk's hook.
    #[error("TRUNK_STAGING_DIR is not set: run `bedside post-build` as a Trunk post_build hook")]
    NotInTrunk,
    /// Finding or reading the crate's package.
    #[error(transparent)]
    Package(#[from] package::PackageError),
    /// Rewriting the page.
    #[error(transparent)]
    Page(#[from] page::PageError),
    /// A file of the build.
    #[error("{path}: {source}")]
    File {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

const USAGE: &str = "usage:
  bedside post-build [--manifest-path <Cargo.toml>]
      as a Trunk post_build hook: the bedside crate's styles in the page,
      and no inline code left for the Content-Security-Policy to block
  bedside css --out <folder> [--manifest-path <Cargo.toml>]
      copy the crate's stylesheets, images and Trusted Types policy
  bedside --version";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(said) => println!("{said}"),
        Err(e) => {
            eprintln!("bedside: {e}");
            std::process::exit(1);
        }
    }
}

fn run(args: &[String]) -> Result<String, CliError> {
    let (command, options) = args
        .split_first()
        .ok_or_else(|| CliError::Usage("no command given".into()))?;
    let manifest = option(options, "--manifest-path")?.map(PathBuf::from);
    match command.as_str() {
        "post-build" => post_build(manifest.as_deref()),
        "css" => {
            let out = option(options, "--out")?
                .ok_or_else(|| CliError::Usage("css needs --out <folder>".into()))?;
            css(manifest.as_deref(), Path::new(out))
        }
        "--version" | "-V" => Ok(format!("bedside {}", env!("CARGO_PKG_VERSION"))),
        "--help" | "-h" | "help" => Ok(USAGE.to_string()),
        other => Err(CliError::Usage(format!("unknown command `{other}`"))),
    }
}

/// The value after `name`, refusing options nobody defined.
fn option<'a>(options: &'a [String], name: &str) -> Result<Option<&'a str>, CliError> {
    let mut found = None;
    let mut rest = options.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--manifest-path" | "--out" => {
                let value = rest
                    .next()
                    .ok_or_else(|| CliError::Usage(format!("{arg} needs a value")))?;
                if arg == name {
                    found = Some(value.as_str());
                }
            }
            other => return Err(CliError::Usage(format!("unknown option `{other}`"))),
        }
    }
    Ok(found)
}

fn post_build(manifest: Option<&Path>) -> Result<String, CliError> {
    let staging = PathBuf::from(std::env::var_os("TRUNK_STAGING_DIR").ok_or(CliError::NotInTrunk)?);
    let mut public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    if !public_url.ends_with('/') {
        public_url.push('/');
    }
    let package = package::locate(manifest)?;
    let assets = package.assets()?;
    let index = staging.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|source| CliError::File {
        path: index.clone(),
        source,
    })?;
    let finished = page::finish(
        &html,
        &page::Inputs {
            public_url: &public_url,
            first_css: &assets.first_css,
            later_css: &assets.later_css,
            policy: &assets.policy,
            icon: assets
                .images
                .iter()
                .any(|(name, _)| name == "favicon.svg")
                .then_some("assets/images/favicon.svg"),
        },
    )?;
    for file in &finished.files {
        write(&staging.join(&file.name), &file.bytes)?;
    }
    write_images(&staging.join("assets/images"), &assets.images)?;
    write(&index, finished.html.as_bytes())?;
    Ok(format!(
        "bedside: the styles of bedside {} in {}, no inline code left",
        package.version,
        index.display()
    ))
}

fn css(manifest: Option<&Path>, out: &Path) -> Result<String, CliError> {
    let package = package::locate(manifest)?;
    let assets = package.assets()?;
    write(&out.join("bedside.css"), &assets.first_css)?;
    write(&out.join("bedside-later.css"), &assets.later_css)?;
    write(&out.join("trusted-types.js"), assets.policy.as_bytes())?;
    write_images(&out.join("assets/images"), &assets.images)?;
    Ok(format!(
        "bedside: the styles of bedside {} in {}",
        package.version,
        out.display()
    ))
}

fn write_images(folder: &Path, images: &[(String, Vec<u8>)]) -> Result<(), CliError> {
    for (name, bytes) in images {
        write(&folder.join(name), bytes)?;
    }
    Ok(())
}

/// Writes `bytes` unless the file holds them already: `trunk serve`
/// watches the folder, and an unchanged file must not start a rebuild.
fn write(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let failed = |source| CliError::File {
        path: path.to_path_buf(),
        source,
    };
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(failed)?;
    }
    std::fs::write(path, bytes).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_command_line_is_read_and_mistakes_are_named() {
        assert_eq!(
            option(&args(&["--out", "x", "--manifest-path", "m"]), "--out").expect("read"),
            Some("x")
        );
        assert_eq!(
            option(&args(&["--out", "x"]), "--manifest-path").expect("read"),
            None
        );
        let missing = option(&args(&["--out"]), "--out").expect_err("no value");
        assert!(
            missing.to_string().starts_with("--out needs a value"),
            "{missing}"
        );
        let unknown = run(&args(&["deploy"])).expect_err("unknown");
        assert!(
            unknown.to_string().starts_with("unknown command `deploy`"),
            "{unknown}"
        );
        let bad = run(&args(&["css", "--colour", "red"])).expect_err("unknown option");
        assert!(
            bad.to_string().starts_with("unknown option `--colour`"),
            "{bad}"
        );
        assert!(
            run(&args(&["css"]))
                .expect_err("no --out")
                .to_string()
                .starts_with("css needs --out")
        );
        assert_eq!(
            run(&args(&["--version"])).expect("version"),
            format!("bedside {}", env!("CARGO_PKG_VERSION"))
        );
    }
}
