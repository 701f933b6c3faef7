//! The businesscase as an Excel workbook with live formulas (rust_xlsxwriter). Pure: returns bytes.
