fn main() {
    #[cfg(target_arch = "wasm32")]
    nosana_deployments::app::start();
}
