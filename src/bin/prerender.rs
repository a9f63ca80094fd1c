//! Writes every page of the app as HTML, in every language, into a release build (issue 20):
//! `<dist>/<lang>/<path>/index.html`, rendered natively from the same components the wasm runs,
//! into the built `index.html`. Also each page's own style sheets as files, and `404.html`.
//! Usage: prerender <dist>   (run by scripts/build-wasm.sh on the staged build)

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use think_plan_act::content::Lang;
use think_plan_act::model::pages::{localized, prerendered_paths};
use think_plan_act::prerender::{Head, fill, render};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist] = args.as_slice() else {
        eprintln!("usage: prerender <dist>");
        return ExitCode::FAILURE;
    };
    match write_all(Path::new(dist)) {
        Ok(count) => {
            println!("prerender: {count} pages");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn write_all(dist: &Path) -> Result<usize, String> {
    let index = dist.join("index.html");
    let template =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if template.contains("data-prerendered") {
        return Err(format!(
            "{} is a rendered page, not the shell",
            index.display()
        ));
    }
    // A host's page for addresses with no file: the shell, whose app draws whatever the address
    // is (a person's own card, a plan) or says the page does not exist.
    write(&dist.join("404.html"), &template)?;
    let mut count = 0;
    for lang in Lang::ALL {
        let locale = think_plan_act::locale_of(lang);
        let description = think_plan_act::i18n::td_string!(locale, meta.description);
        let app_name = think_plan_act::i18n::td_string!(locale, app_name);
        for path in prerendered_paths() {
            let page = render(&path, lang);
            let style_sheets = page
                .sheets
                .iter()
                .map(|css| write_style_sheet(dist, css))
                .collect::<Result<Vec<_>, _>>()?;
            let head = Head {
                title: page.title.as_deref().unwrap_or(app_name),
                description,
                path: &path,
                style_sheets: &style_sheets,
            };
            let html = fill(&template, &page.body, lang, &head)
                .ok_or("index.html has no <div id=\"app\"> … </div> before <noscript>, <title> or description")?;
            write(&file_for(dist, &localized(lang, &path)), &html)?;
            count += 1;
        }
    }
    Ok(count)
}

/// `/ru/cards/x` → `<dist>/ru/cards/x/index.html`.
fn file_for(dist: &Path, address: &str) -> PathBuf {
    let mut file = dist.to_path_buf();
    file.extend(address.split('/').filter(|part| !part.is_empty()));
    file.join("index.html")
}

/// Writes a sheet once as `<dist>/page-<hash>.css` (named by its content, so it can be cached
/// for ever) and returns its address.
fn write_style_sheet(dist: &Path, css: &str) -> Result<String, String> {
    let mut hasher = DefaultHasher::new();
    css.hash(&mut hasher);
    let name = format!("page-{:016x}.css", hasher.finish());
    let file = dist.join(&name);
    if !file.exists() {
        write(&file, css)?;
    }
    Ok(format!("/{name}"))
}

fn write(file: &Path, text: &str) -> Result<(), String> {
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    std::fs::write(file, text).map_err(|e| format!("{}: {e}", file.display()))
}
