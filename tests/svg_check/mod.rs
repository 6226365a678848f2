//! Reading the charts salesdesk writes: parse the SVG as XML and pick out its shapes and texts.

#![allow(dead_code)]

use std::path::Path;

use salesdesk::chart::svg_colour;

/// One drawn shape or text, with the attributes the checks need.
#[derive(Debug, Clone)]
pub struct Shape {
    /// `rect`, `circle`, `polyline`, `polygon`, `text`, `line`.
    pub tag: String,
    /// `fill`, or "" when absent.
    pub fill: String,
    /// `stroke`, or "" when absent.
    pub stroke: String,
    /// The `points` of a polyline or polygon.
    pub points: Vec<(f64, f64)>,
    /// x, y, width, height of a rect; cx, cy, r of a circle (the rest 0).
    pub geometry: [f64; 4],
    /// The text of a `text` element, trimmed.
    pub text: String,
}

/// Every element of the SVG file at `path`; panics with the reason when it is not XML.
pub fn read(path: &Path) -> Vec<Shape> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    parse(&text)
}

/// Every element of an SVG document.
pub fn parse(svg: &str) -> Vec<Shape> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.is_element())
        .map(|n| {
            let attr = |name: &str| n.attribute(name).unwrap_or("").to_string();
            let num = |name: &str| attr(name).parse::<f64>().unwrap_or(0.0);
            let tag = n.tag_name().name().to_string();
            let geometry = match tag.as_str() {
                "rect" => [num("x"), num("y"), num("width"), num("height")],
                "circle" => [num("cx"), num("cy"), num("r"), 0.0],
                _ => [0.0; 4],
            };
            Shape {
                points: points(&attr("points")),
                fill: attr("fill"),
                stroke: attr("stroke"),
                text: n.text().unwrap_or("").trim().to_string(),
                tag,
                geometry,
            }
        })
        .collect()
}

fn points(text: &str) -> Vec<(f64, f64)> {
    text.split_whitespace()
        .filter_map(|pair| {
            let (x, y) = pair.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect()
}

/// The shapes of one tag drawn in `colour` (as fill or stroke).
pub fn in_colour<'a>(
    shapes: &'a [Shape],
    tag: &str,
    colour: plotters::style::RGBColor,
) -> Vec<&'a Shape> {
    let hex = svg_colour(colour);
    shapes
        .iter()
        .filter(|s| s.tag == tag && (s.fill == hex || s.stroke == hex))
        .collect()
}

/// The polyline or polygon in `colour` with the most points (legend samples have two).
pub fn longest<'a>(shapes: &'a [Shape], tag: &str, colour: plotters::style::RGBColor) -> &'a Shape {
    in_colour(shapes, tag, colour)
        .into_iter()
        .max_by_key(|s| s.points.len())
        .unwrap_or_else(|| panic!("no {tag} in {}", svg_colour(colour)))
}

/// Every text of the chart.
pub fn texts(shapes: &[Shape]) -> Vec<&str> {
    shapes
        .iter()
        .filter(|s| s.tag == "text")
        .map(|s| s.text.as_str())
        .collect()
}

/// Asserts that pixel heights `pixels` are `scale × values` for one scale, within the one-pixel
/// rounding of the drawing (two pixels where a height is the difference of two rounded edges).
pub fn assert_proportional(pixels: &[f64], values: &[f64]) {
    assert_eq!(pixels.len(), values.len());
    let (i, top) = values
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .expect("at least one value");
    assert!(*top > 0.0);
    let scale = pixels[i] / top;
    for (p, v) in pixels.iter().zip(values) {
        assert!(
            (p - scale * v).abs() <= 2.0,
            "{p} px is not {scale} px per unit × {v}: {pixels:?} for {values:?}"
        );
    }
}
