//! Benchmark, not a test of speed: decodes a 10 MB FHIR searchset Bundle in
//! the browser and reports MB/s next to `JSON.parse` on the same bytes,
//! measured in the same run. Run by `make bench` (and by `make test`, which
//! prints the figures and asserts only that both decoders read every entry
//! and that the clock moved), once as the app ships and once with
//! `decode-paths`.
//!
//! Both paths start where a `fetch` leaves them, with the body as bytes in
//! JavaScript: Bedside copies them into wasm memory and decodes with serde;
//! the baseline decodes UTF-8 to a JS string and calls `JSON.parse`.
#![cfg(target_arch = "wasm32")]

use bedside::fhir::decode;
use bedside::fhir::resources::Bundle;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TARGET_BYTES: usize = 10 * 1024 * 1024;
const RUNS: usize = 7;

/// A realistic searchset: vital-sign Observations with their Patients
/// included, as a ward list asks for them.
fn bundle_bytes() -> (Vec<u8>, usize) {
    let mut entries = Vec::new();
    let mut size = 0;
    let mut i = 0;
    while size < TARGET_BYTES {
        let entry = if i % 10 == 0 {
            serde_json::json!({
                "fullUrl": format!("https://fhir.example/R4/Patient/p{i}"),
                "resource": {
                    "resourceType": "Patient", "id": format!("p{i}"),
                    "meta": {"versionId": "1", "profile": ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient"]},
                    "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}],
                    "name": [{"use": "official", "family": "O'Brien", "given": ["Ann", "Marie"], "prefix": ["Ms"]}],
                    "gender": "female", "birthDate": "1950-03-07",
                    "address": [{"line": ["1 High Street"], "city": "Leeds", "postalCode": "LS1 4AP"}]
                },
                "search": {"mode": "include"}
            })
        } else {
            serde_json::json!({
                "fullUrl": format!("https://fhir.example/R4/Observation/o{i}"),
                "resource": {
                    "resourceType": "Observation", "id": format!("o{i}"),
                    "meta": {"versionId": "1", "lastUpdated": "2026-11-20T08:00:00Z"},
                    "status": "final",
                    "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
                    "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4", "display": "Heart rate"}], "text": "Pulse"},
                    "subject": {"reference": format!("Patient/p{}", i - i % 10)},
                    "effectiveDateTime": "2026-11-20T08:00:00Z",
                    "valueQuantity": {"value": 72.50, "unit": "beats/minute", "system": "http://unitsofmeasure.org", "code": "/min"},
                    "referenceRange": [{"low": {"value": 51}, "high": {"value": 90}}]
                },
                "search": {"mode": "match"}
            })
        };
        size += serde_json::to_vec(&entry).map(|v| v.len()).unwrap_or(0) + 1;
        entries.push(entry);
        i += 1;
    }
    let count = entries.len();
    let bundle = serde_json::json!({"resourceType": "Bundle", "type": "searchset", "total": count, "entry": entries});
    (serde_json::to_vec(&bundle).expect("bundle"), count)
}

/// The browser's high-resolution clock, in ms. A missing clock fails the
/// benchmark rather than report figures made of zeros.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance.now, to time the runs")
        .now()
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

#[wasm_bindgen_test]
fn decode_10mb_searchset_bundle() {
    let (bytes, count) = bundle_bytes();
    let mb = bytes.len() as f64 / (1024.0 * 1024.0);
    // The body as fetch hands it over.
    let js_bytes = js_sys::Uint8Array::from(bytes.as_slice());
    drop(bytes);
    let decoder = web_sys::TextDecoder::new().expect("TextDecoder");

    let mut ours = Vec::new();
    let mut baseline = Vec::new();
    for _ in 0..RUNS {
        let start = now();
        let copied = js_bytes.to_vec();
        let bundle: Bundle = decode(&copied).expect("bedside decodes");
        ours.push(now() - start);
        assert_eq!(bundle.entry.len(), count);

        let start = now();
        let text = decoder.decode_with_js_u8_array(&js_bytes).expect("utf-8");
        let parsed = js_sys::JSON::parse(&text).expect("JSON.parse");
        baseline.push(now() - start);
        let entries = js_sys::Reflect::get(&parsed, &"entry".into()).expect("entry");
        assert_eq!(js_sys::Array::from(&entries).length() as usize, count);
    }
    let (ours, baseline) = (median(ours), median(baseline));
    assert!(
        ours > 0.0 && baseline > 0.0,
        "the clock did not advance ({ours} ms, {baseline} ms): no figures to report"
    );
    // The app ships without `decode-paths` (workspace Cargo.toml); developers'
    // tools may turn it on. scripts/bench.sh runs both.
    let configuration = if cfg!(feature = "decode-paths") {
        "with decode-paths (JSON paths in decode errors)"
    } else {
        "as the app ships (no decode-paths)"
    };
    console_log!(
        "BENCH fhir-decode, {configuration}: {mb:.1} MB, {count} entries, median of {RUNS}\n  \
         bedside (copy + serde into typed Bundle): {ours:.0} ms, {:.1} MB/s\n  \
         baseline (TextDecoder + JSON.parse):      {baseline:.0} ms, {:.1} MB/s\n  \
         bedside takes {:.2}x the baseline's time",
        mb / (ours / 1000.0),
        mb / (baseline / 1000.0),
        ours / baseline
    );
}
