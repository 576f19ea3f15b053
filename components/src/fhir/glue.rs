//! Leptos glue: the [`FhirClient`] in context, and hooks that components use
//! to read and search.
//!
//! The only part of `bedside::fhir` that knows about Leptos (the rest is
//! `bedside_core::fhir`, re-exported). The client is browser-bound (`Rc`, `fetch`), so it sits in context inside a
//! `SendWrapper`; Leptos asks for `Send` values because the same code can run
//! on a server, where this client is never created.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

use bedside_core::fhir::resources::Bundle;
use bedside_core::fhir::{FhirClient, FhirError, Search};

#[derive(Clone)]
struct FhirContext(SendWrapper<FhirClient>);

/// The [`FhirClient`] in Leptos context: `client.provide()` in the app's
/// root, `FhirClient::expect()` below it. A trait because the client is
/// `bedside_core`'s, which knows no Leptos; it is in [`crate::prelude`].
pub trait FhirClientContext: Sized {
    /// Makes this client the one components below use.
    fn provide(self);

    /// The client provided above this component, if any.
    fn use_context() -> Option<Self>;

    /// The client provided above this component.
    ///
    /// # Panics
    /// When no client was provided: a programming error in the app's setup.
    fn expect() -> Self {
        Self::use_context()
            .expect("no FhirClient in context: call FhirClient::provide() in the app root")
    }
}

impl FhirClientContext for FhirClient {
    fn provide(self) {
        provide_context(FhirContext(SendWrapper::new(self)));
    }

    fn use_context() -> Option<Self> {
        use_context::<FhirContext>().map(|c| (*c.0).clone())
    }
}

/// What a FHIR hook returns.
pub struct UseFhirReturn<T: Send + Sync + 'static> {
    /// The latest answer: `None` until the first one arrives.
    pub result: Signal<Option<Result<T, FhirError>>>,
    /// Whether a request is under way (also while refreshing after a change).
    pub loading: Signal<bool>,
}

/// Runs `request` now and whenever the signals it reads change. The previous
/// request is cancelled (its `fetch` aborted) when a new one starts or the
/// component unmounts, so a slow old answer never overwrites a newer one.
fn use_fhir_request<T, F, Fut>(request: F) -> UseFhirReturn<T>
where
    T: Send + Sync + 'static,
    F: Fn(FhirClient) -> Fut + 'static,
    Fut: Future<Output = Result<T, FhirError>> + 'static,
{
    let client = SendWrapper::new(FhirClient::expect());
    let result = RwSignal::new(None);
    let loading = RwSignal::new(true);
    Effect::new(move |_| {
        loading.set(true);
        let pending = request((*client).clone());
        spawn_local_scoped_with_cancellation(async move {
            let answer = pending.await;
            result.set(Some(answer));
            loading.set(false);
        });
    });
    UseFhirReturn {
        result: result.into(),
        loading: loading.into(),
    }
}

/// Reads one resource, again whenever `id` changes.
///
/// ## Usage
/// ```
/// use bedside::fhir::resources::Patient;
/// use bedside::fhir::use_fhir_read;
/// use leptos::prelude::*;
///
/// /// The patient's NHS number, or what went wrong reading the record.
/// #[component]
/// fn NhsNumber(#[prop(into)] id: Signal<String>) -> impl IntoView {
///     let patient = use_fhir_read::<Patient>("Patient", id);
///     move || {
///         patient.result.get().map(|answer| match answer {
///             Ok(p) => p.nhs_number().map_or("Not known".into(), |n| n.formatted()),
///             Err(e) => e.to_string(),
///         })
///     }
/// }
/// ```
pub fn use_fhir_read<T>(
    resource_type: &'static str,
    id: impl Into<Signal<String>>,
) -> UseFhirReturn<T>
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    let id = id.into();
    use_fhir_request(move |client| {
        let id = id.get();
        async move { client.read::<T>(resource_type, &id).await }
    })
}

/// Runs a search (one page), again whenever `search` changes.
pub fn use_fhir_search(search: impl Into<Signal<Search>>) -> UseFhirReturn<Bundle> {
    let search = search.into();
    use_fhir_request(move |client| {
        let search = search.get();
        async move { client.search(&search).await }
    })
}

/// Runs a search (one page) decoded as `T`, again whenever `search` changes:
/// for pages that show a few elements of each match (see [`bedside_core::fhir::summary`]).
pub fn use_fhir_search_as<T>(search: impl Into<Signal<Search>>) -> UseFhirReturn<T>
where
    T: DeserializeOwned + Send + Sync + 'static,
{
    let search = search.into();
    use_fhir_request(move |client| {
        let search = search.get();
        async move { client.search_as::<T>(&search).await }
    })
}
