//! Renders pages of the app to HTML natively, into a copy of the built `index.html` (issue 20).
//! Usage: prerender <dist/index.html> <out.html> <path> <lang>

use std::process::ExitCode;

use think_plan_act::content::Lang;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [template, out, path, lang] = args.as_slice() else {
        eprintln!("usage: prerender <dist/index.html> <out.html> <path> <lang>");
        return ExitCode::FAILURE;
    };
    let Some(lang) = Lang::from_code(lang) else {
        eprintln!("unknown language {lang}");
        return ExitCode::FAILURE;
    };
    let template = match std::fs::read_to_string(template) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{template}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let body = think_plan_act::prerender::render(path, lang);
    let Some(page) = think_plan_act::prerender::fill(&template, &body, lang) else {
        eprintln!("the template has no <div id=\"app\"> … </div> before <noscript>");
        return ExitCode::FAILURE;
    };
    if let Err(e) = std::fs::write(out, page) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
