//! A form field: its label, the control, a hint and the message for a refused
//! value, tied together for assistive technology one way everywhere. The
//! control is `aria-invalid="true"` while its value is refused (no attribute
//! otherwise) and `aria-describedby` the messages on screen: `{id}-hint`,
//! then any note about the value (a warning, a reading), then `{id}-error`.

use leptos::prelude::*;

/// How a control refers to its messages: give it `aria-invalid=d.invalid()`
/// and `aria-describedby=d.ids()`.
#[derive(Clone, Copy)]
pub struct Described {
    invalid: Signal<bool>,
    ids: Signal<Option<String>>,
}

impl Described {
    pub fn new(invalid: Signal<bool>, ids: Signal<Option<String>>) -> Self {
        Described { invalid, ids }
    }

    pub fn invalid(self) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
        move || self.invalid.get().then_some("true")
    }

    pub fn ids(self) -> impl Fn() -> Option<String> + Copy + Send + Sync + 'static {
        move || self.ids.get()
    }
}

/// The id of the message for a refused value of the control `id`.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// `aria-describedby` from the ids of the messages that are shown.
pub fn describedby(ids: &[Option<&str>]) -> Option<String> {
    let ids: Vec<&str> = ids.iter().flatten().copied().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
pub fn FormField<C, V>(
    /// The control's id.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    /// Why the value is refused, while it is.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// What the field takes, under the control.
    #[prop(optional, into)]
    hint: Option<ViewFn>,
    /// The id of another message about the value while it is shown.
    #[prop(default = Signal::stored(None))]
    note: Signal<Option<&'static str>>,
    /// Builds the control, tied to the messages.
    control: C,
    /// Under the error: the note's message.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView
where
    C: FnOnce(Described) -> V,
    V: IntoView + 'static,
{
    let hint_id = format!("{id}-hint");
    let err_id = error_id(&id);
    let has_hint = hint.is_some();
    let invalid = Signal::derive(move || error.with(Option::is_some));
    let ids = {
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        Signal::derive(move || {
            describedby(&[
                has_hint.then_some(hint_id.as_str()),
                note.get(),
                invalid.get().then_some(err_id.as_str()),
            ])
        })
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control(Described::new(invalid, ids))}
            {hint
                .map(|hint| {
                    view! {
                        <p class="hint" id=hint_id>
                            {hint.run()}
                        </p>
                    }
                })}
            {move || {
                error
                    .get()
                    .map(|m| {
                        view! {
                            <p class="field-error" id=err_id.clone()>
                                {m}
                            </p>
                        }
                    })
            }}
            {children.map(|more| more())}
        </div>
    }
}

/// A labelled input with nothing to refuse (a search, an optional URL): its
/// text is `value`.
#[component]
pub fn PlainField(
    id: &'static str,
    label: &'static str,
    /// The input's `type`.
    kind: &'static str,
    placeholder: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type=kind
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
