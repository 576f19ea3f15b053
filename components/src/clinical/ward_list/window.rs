//! Which rows a virtualised list draws: those in view, and a margin either
//! side so a quick scroll or a Tab to the next link finds rows already
//! there. Plain arithmetic, tested natively.

/// Rows drawn beyond each edge of the view.
pub const OVERSCAN: usize = 8;

/// The rows to draw, `first..end`, of `total` rows of `row_height` pixels
/// in a view `viewport` pixels high scrolled to `scroll_top`. Nonsense
/// measurements (zero, negative, not a number: before layout, or natively)
/// draw the first screenful as if the view were `fallback_rows` high.
pub fn rows_to_draw(
    total: usize,
    scroll_top: f64,
    viewport: f64,
    row_height: f64,
    fallback_rows: usize,
) -> (usize, usize) {
    let row_height = if row_height.is_finite() && row_height > 0.0 { row_height } else { 1.0 };
    let in_view = if viewport.is_finite() && viewport > 0.0 {
        (viewport / row_height).ceil() as usize
    } else {
        fallback_rows
    };
    let top = if scroll_top.is_finite() && scroll_top > 0.0 {
        (scroll_top / row_height).floor() as usize
    } else {
        0
    };
    let first = top.saturating_sub(OVERSCAN).min(total);
    let end = top.saturating_add(in_view).saturating_add(OVERSCAN).min(total);
    (first, end.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_and_a_margin_either_side_are_drawn() {
        // 10,000 rows of 48 px in a 480 px view: ten rows in view.
        assert_eq!(rows_to_draw(10_000, 0.0, 480.0, 48.0, 12), (0, 18));
        assert_eq!(rows_to_draw(10_000, 48.0 * 100.0, 480.0, 48.0, 12), (92, 118));
        // Part-way into a row: that row is in view.
        assert_eq!(rows_to_draw(10_000, 48.0 * 100.0 + 20.0, 480.0, 48.0, 12), (92, 118));
        // The end: never past the last row.
        assert_eq!(rows_to_draw(10_000, 48.0 * 9_995.0, 480.0, 48.0, 12), (9_987, 10_000));
        assert_eq!(rows_to_draw(10_000, 1e12, 480.0, 48.0, 12), (10_000, 10_000));
    }

    #[test]
    fn short_lists_and_unmeasured_views_draw_what_there_is() {
        assert_eq!(rows_to_draw(0, 0.0, 480.0, 48.0, 12), (0, 0));
        assert_eq!(rows_to_draw(5, 0.0, 480.0, 48.0, 12), (0, 5));
        // Before layout (or natively): the first screenful.
        assert_eq!(rows_to_draw(10_000, 0.0, 0.0, 0.0, 12), (0, 20));
        assert_eq!(rows_to_draw(10_000, f64::NAN, f64::NAN, f64::NAN, 12), (0, 20));
        assert_eq!(rows_to_draw(10_000, -50.0, 480.0, 48.0, 12), (0, 18));
    }
}
