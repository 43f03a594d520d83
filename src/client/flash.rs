//! A one-shot notice for the next page, e.g. "Deleted my-deployment" after
//! the detail page sent the user back to the list. Kept in memory only.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Flash(StoredValue<Option<String>>);

impl Flash {
    pub fn provide() {
        provide_context(Flash(StoredValue::new(None)));
    }

    pub fn use_flash() -> Flash {
        expect_context::<Flash>()
    }

    /// Leaves `text` for the next page that takes it.
    pub fn show(&self, text: String) {
        self.0.try_set_value(Some(text));
    }

    /// Hands back (and forgets) the notice, if there is one.
    pub fn take(&self) -> Option<String> {
        self.0.try_update_value(Option::take).flatten()
    }
}
