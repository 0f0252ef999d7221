//! `xlsx-gen IN.csv OUT.xlsx`: the rows of a `gen_filings.py` CSV as one sheet of an .xlsx,
//! as a clerk keeps the register: text cells, the date column as date cells (yyyy-mm-dd).
//! Written row by row (constant memory), so a million rows need no more than ten.

use std::error::Error;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        return Err("usage: xlsx-gen IN.csv OUT.xlsx".into());
    };
    let mut rows = csv::Reader::from_path(input)?;
    let header: Vec<String> = rows.headers()?.iter().map(String::from).collect();
    let date_col = header.iter().position(|h| h == "备案日期");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_constant_memory()?;
    sheet.set_name("备案登记")?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, h)?;
    }
    for (r, record) in rows.records().enumerate() {
        let record = record?;
        let row = r as u32 + 1;
        for (c, cell) in record.iter().enumerate() {
            let parsed = (Some(c) == date_col).then(|| ExcelDateTime::parse_from_str(cell).ok()).flatten();
            match parsed {
                Some(d) => sheet.write_datetime_with_format(row, c as u16, &d, &date)?,
                None => sheet.write_string(row, c as u16, cell)?,
            };
        }
    }
    book.save(output)?;
    Ok(())
}
