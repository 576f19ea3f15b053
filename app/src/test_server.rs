//! A FHIR server for the app's native tests: each request's URL is answered
//! with the JSON a function gives, so a tool's reads (paging, limits, what
//! it does with what comes back) are tested without a browser or a network.

use std::rc::Rc;

use bedside::fhir::{FhirClient, FhirError, HttpRequest, HttpResponse, Transport};
use futures::future::LocalBoxFuture;

/// Answers every request with `answer(url)`, status 200.
pub struct Answering<F: Fn(&str) -> serde_json::Value>(pub F);

impl<F: Fn(&str) -> serde_json::Value> Transport for Answering<F> {
    fn send(
        &self,
        request: HttpRequest,
        _timeout_ms: u32,
    ) -> LocalBoxFuture<'static, Result<HttpResponse, FhirError>> {
        let body = (self.0)(&request.url).to_string().into_bytes();
        Box::pin(async move {
            Ok(HttpResponse {
                status: 200,
                headers: vec![],
                body,
            })
        })
    }

    fn sleep(&self, _ms: u32) -> LocalBoxFuture<'static, ()> {
        Box::pin(async {})
    }

    fn random(&self) -> f64 {
        0.5
    }
}

/// A client of `https://fhir.test/R4` answered by `answer`.
pub fn client(answer: impl Fn(&str) -> serde_json::Value + 'static) -> FhirClient {
    FhirClient::new("https://fhir.test/R4/", Rc::new(Answering(answer)))
}
