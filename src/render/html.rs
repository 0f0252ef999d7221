//! HTML: one self-contained page the leading group can be shown and can print on A4 in
//! portrait. Inline CSS and SVG only: no network, no script, no external file. The headline
//! figures come first, then each target as a bar with the expected-by-now marker and the
//! target (both ends of a range), behind-pace targets in red, then every section as a table.

use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;

use super::doc::{Cell, Chart, Doc, Section, TargetBar};
use crate::core::model::TargetStatus;

/// Text safe inside HTML (and free of control characters).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "
@page { size: A4 portrait; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', SimSun, sans-serif;
       color: #1f2933; margin: 0 auto; max-width: 186mm; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 17pt; margin: 0 0 2mm; border-bottom: 2px solid #a61b1b; padding-bottom: 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; color: #a61b1b; break-after: avoid; }
.sub { color: #52606d; margin: 0 0 4mm; }
.cards { display: flex; flex-wrap: wrap; gap: 2.5mm; margin: 3mm 0 2mm; }
.card { border: 1px solid #cbd2d9; border-radius: 2mm; padding: 2mm 3mm; min-width: 40mm; flex: 1 1 40mm; break-inside: avoid; }
.card .v { font-size: 13pt; font-weight: bold; }
.card .l { color: #52606d; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 1mm 0 2mm; }
th, td { border: 1px solid #cbd2d9; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #e4e7eb; text-align: left; }
td.w { white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
tr.behind td, tr.missed td { background: #fdecea; }
.note { color: #52606d; font-size: 9pt; margin: 1mm 0 3mm; }
.bars { width: 100%; margin: 1mm 0 3mm; }
.legend { font-size: 8.5pt; color: #52606d; }
.legend span { margin-right: 4mm; }
footer { margin-top: 6mm; color: #7b8794; font-size: 8pt; }
";

fn status_color(s: TargetStatus) -> &'static str {
    match s {
        TargetStatus::Met => "#2f855a",
        TargetStatus::OnTrack => "#2b6cb0",
        TargetStatus::Behind => "#c53030",
        TargetStatus::Missed => "#9b2c2c",
    }
}

/// The targets as horizontal bars in one SVG: actual filled, the expected-by-now marker as a
/// dark line, the target as a dashed line (a range shows both ends).
fn bars_svg(bars: &[TargetBar]) -> String {
    let (w, label_w, row_h, value_w) = (700.0_f64, 270.0_f64, 26.0_f64, 110.0_f64);
    let track = w - label_w - value_w;
    let h = row_h * bars.len() as f64 + 6.0;
    let mut svg = format!("<svg class=\"bars\" viewBox=\"0 0 {w} {h}\" role=\"img\" font-size=\"11\">");
    for (i, b) in bars.iter().enumerate() {
        let y = i as f64 * row_h + 4.0;
        let top = b.max.unwrap_or(b.min).max(b.min);
        // The scale leaves room past the target so an over-achiever still shows its excess.
        let scale_max = (top as f64 * 1.25).max(b.actual as f64).max(b.expected_tenths as f64 / 10.0).max(1.0);
        let x = |v: f64| label_w + track * (v / scale_max).clamp(0.0, 1.0);
        let color = status_color(b.status);
        let behind = matches!(b.status, TargetStatus::Behind | TargetStatus::Missed);
        if behind {
            let _ = write!(
                svg,
                "<rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#fdecea\"/>",
                y - 2.0,
                row_h - 2.0
            );
        }
        let label: String = b.label.chars().take(24).collect();
        let _ = write!(
            svg,
            "<text x=\"4\" y=\"{}\" fill=\"#1f2933\">{}</text>",
            y + 14.0,
            esc(&if b.label.chars().count() > 24 { format!("{label}…") } else { label })
        );
        let _ = write!(
            svg,
            "<rect x=\"{label_w}\" y=\"{}\" width=\"{track}\" height=\"12\" fill=\"#e4e7eb\" rx=\"2\"/>",
            y + 4.0
        );
        let _ = write!(
            svg,
            "<rect x=\"{label_w}\" y=\"{}\" width=\"{:.1}\" height=\"12\" fill=\"{color}\" rx=\"2\"/>",
            y + 4.0,
            x(b.actual as f64) - label_w
        );
        // Target (min, and max of a range): dashed.
        for t in std::iter::once(b.min).chain(b.max) {
            let tx = x(t as f64);
            let _ = write!(
                svg,
                "<line x1=\"{tx:.1}\" y1=\"{}\" x2=\"{tx:.1}\" y2=\"{}\" stroke=\"#1f2933\" stroke-dasharray=\"3,2\" stroke-width=\"1.5\"/>",
                y + 1.0,
                y + 19.0
            );
        }
        // Expected by now: solid.
        let ex = x(b.expected_tenths as f64 / 10.0);
        let _ = write!(
            svg,
            "<line x1=\"{ex:.1}\" y1=\"{}\" x2=\"{ex:.1}\" y2=\"{}\" stroke=\"#f0b429\" stroke-width=\"3\"/>",
            y + 1.0,
            y + 19.0
        );
        let target = match b.max {
            Some(max) => format!("{}-{max}", b.min),
            None => b.min.to_string(),
        };
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" fill=\"{color}\" font-weight=\"bold\">{} / {} {}</text>",
            label_w + track + 6.0,
            y + 14.0,
            b.actual,
            esc(&target),
            esc(&b.status_label)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn cell_td(c: &Cell) -> String {
    let class = match c {
        _ if c.is_number() => " class=\"n\"",
        Cell::Word { .. } | Cell::Date(_) | Cell::Code(_) => " class=\"w\"",
        _ => "",
    };
    format!("<td{class}>{}</td>", esc(&c.shown()))
}

fn section_html(s: &Section, legend: (&str, &str, &str), none: &str) -> String {
    let mut h = format!("<section><h2>{}</h2>", esc(&s.title));
    if let Some(Chart::Targets(bars)) = &s.chart {
        h.push_str(&bars_svg(bars));
        let _ = write!(
            h,
            "<div class=\"legend\"><span>▮ {}</span><span style=\"color:#b7791f\">┃ {}</span><span>┆ {}</span></div>",
            esc(legend.0),
            esc(legend.1),
            esc(legend.2)
        );
    }
    if s.rows.is_empty() {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(s.note.as_deref().unwrap_or(none)));
        h.push_str("</section>");
        return h;
    }
    // The bars drawn above stand for the text bars of the terminal table.
    let shown: Vec<bool> = s.columns.iter().map(|c| !(s.chart.is_some() && c.key == "progress")).collect();
    h.push_str("<table><thead><tr>");
    for (c, keep) in s.columns.iter().zip(&shown) {
        if *keep {
            let _ = write!(h, "<th>{}</th>", esc(&c.label));
        }
    }
    h.push_str("</tr></thead><tbody>");
    let status_col = s.columns.iter().position(|c| c.key == "status");
    for row in &s.rows {
        let class = match status_col.and_then(|i| row.get(i)) {
            Some(Cell::Word { code, .. }) if code == "behind" || code == "missed" => " class=\"behind\"",
            _ => "",
        };
        let _ = write!(h, "<tr{class}>");
        for (c, keep) in row.iter().zip(&shown) {
            if *keep {
                h.push_str(&cell_td(c));
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    if let Some(n) = &s.note {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(n));
    }
    h.push_str("</section>");
    h
}

pub fn write(out: &mut dyn Write, doc: &Doc) -> Result<()> {
    let lang = doc.lang;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{CSS}</style></head><body>",
        lang.pick("zh-CN", "en"),
        esc(&doc.title)
    );
    let _ = write!(h, "<h1>{}</h1>", esc(&doc.title));
    if let Some(s) = &doc.subtitle {
        let _ = write!(h, "<p class=\"sub\">{}</p>", esc(s));
    }
    if !doc.headline.is_empty() {
        h.push_str("<div class=\"cards\">");
        for f in &doc.headline {
            let _ = write!(
                h,
                "<div class=\"card\"><div class=\"v\">{}</div><div class=\"l\">{}</div></div>",
                esc(&f.value.shown()),
                esc(&f.label)
            );
        }
        h.push_str("</div>");
    }
    let legend =
        (lang.pick("已完成", "actual"), lang.pick("按进度此时应完成", "expected by now"), lang.pick("目标", "target"));
    for s in &doc.sections {
        h.push_str(&section_html(s, legend, lang.pick("（无）", "(none)")));
    }
    for n in &doc.notes {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(n));
    }
    let _ = write!(h, "<footer>{}</footer></body></html>\n", esc(lang.pick("由 stdtrack 生成", "Made by stdtrack")));
    out.write_all(h.as_bytes())?;
    Ok(())
}
