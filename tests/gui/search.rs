//! Code search and typed teeth (pure functions behind the add-line tools).

use ferrule::gui::panels::patient::parse_teeth;
use ferrule::gui::widgets::code_search::search;
use ferrule::library;
use ferrule::model::Tooth;

fn codes(query: &str) -> Vec<String> {
    let library = library::sample();
    search(&library.catalogue, query)
        .iter()
        .map(|i| i.code.to_string())
        .collect()
}

#[test]
fn finds_by_number_with_or_without_the_d() {
    assert_eq!(codes("2740").first().map(String::as_str), Some("D2740"));
    assert_eq!(codes("d2740").first().map(String::as_str), Some("D2740"));
    assert!(codes("274").contains(&"D2740".to_string()));
}

#[test]
fn finds_by_words_and_front_desk_synonyms() {
    let crowns = codes("crown");
    assert!(crowns.contains(&"D2740".to_string()));
    assert!(crowns.contains(&"D2790".to_string()));
    assert!(codes("buildup").contains(&"D2950".to_string()));
    assert!(codes("cleaning").contains(&"D1110".to_string()));
    assert!(codes("ceramic crown").contains(&"D2740".to_string()));
    assert!(codes("").is_empty());
    assert!(codes("zzzz").is_empty());
}

#[test]
fn typed_teeth_accept_commas_spaces_and_letters() {
    assert_eq!(
        parse_teeth("3, 14 a").unwrap(),
        vec![Tooth::Permanent(3), Tooth::Permanent(14), Tooth::Primary(1)]
    );
    assert!(parse_teeth("33").is_err());
    assert_eq!(parse_teeth("").unwrap(), vec![]);
}
