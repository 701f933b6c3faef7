//! Businesscase numbers (impact, offers, business-case, explain) worked out by hand.
