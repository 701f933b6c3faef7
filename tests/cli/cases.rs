//! CLI cases in `tests/cmd/*.toml` (trycmd): each pins arguments, stdout, stderr and exit code.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
