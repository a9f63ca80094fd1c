//! Entry point: mount the app. Nothing else lives here.

fn main() {
    #[cfg(target_arch = "wasm32")]
    think_plan_act::app::start();
}
