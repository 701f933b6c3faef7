//! The businesscase as one self-contained HTML document with inline SVG charts. Pure, no I/O.
