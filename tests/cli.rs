//! Runs the real `ferrule` binary: `check` on the shipped library, `estimate` on a
//! sample with JSON numbers checked by hand, and the error exits.

use super::util::ferrule;

#[test]
fn check_passes_on_the_shipped_library() {
    let (code, stdout, _) = ferrule(&["check"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("0 problems"), "{stdout}");
}

#[test]
fn library_flag_works_before_or_after_the_subcommand() {
    let dir = env!("CARGO_MANIFEST_DIR");
    for args in [["--library", dir, "check"], ["check", "--library", dir]] {
        let (code, stdout, stderr) = ferrule(&args);
        assert_eq!(code, 0, "{args:?}: {stdout}{stderr}");
        assert!(stdout.contains("0 problems"), "{args:?}: {stdout}");
    }
}

#[test]
fn check_exits_2_and_names_the_file_on_a_broken_library() {
    let dir = std::env::temp_dir().join(format!("ferrule-cli-broken-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("plans")).unwrap();
    std::fs::create_dir_all(dir.join("fee-schedules")).unwrap();
    std::fs::write(
        dir.join("plans/bad.ron"),
        "PlanRules(\n    format: 1,\n    id: \"x\"\n",
    )
    .unwrap();
    let (code, stdout, _) = ferrule(&["check", "--library", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 2);
    assert!(stdout.contains("plans/bad.ron:"), "{stdout}");
}

#[test]
fn estimate_json_has_hand_computed_numbers() {
    // Summit PPO 1500, $300 of the $1,500 maximum used, $50 deductible unmet.
    // Line 1 D2950 #19: fee 365, allowed 226, write-off 139; deductible 50 ->
    //   50% x 176 = 88.00; patient 226 - 88 = 138.00.
    // Line 2 D2740 #19 (seated 2026-12-17): fee 1,540, allowed 955, write-off 585;
    //   molar ceramic crown paid as D2791 (allowed 803): 50% x 803 = 401.50;
    //   patient 955 - 401.50 = 553.50.
    let (code, stdout, stderr) = ferrule(&[
        "estimate",
        "assets/samples/buildup-crown-19.ron",
        "--as-of",
        "2026-11-23",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let line = |i: usize, key: &str| json["lines"][i][key].clone();
    assert_eq!(line(0, "code"), "D2950");
    assert_eq!(line(0, "tooth"), "19");
    assert_eq!(line(0, "fee"), "365.00");
    assert_eq!(line(0, "allowed"), "226.00");
    assert_eq!(line(0, "write_off"), "139.00");
    assert_eq!(line(0, "deductible"), "50.00");
    assert_eq!(line(0, "insurance")[0]["plan"], "summit-ppo-1500");
    assert_eq!(line(0, "insurance")[0]["pays"], "88.00");
    assert_eq!(line(0, "patient"), "138.00");
    assert_eq!(line(0, "flags"), serde_json::json!(["deductible_applied"]));
    assert_eq!(line(1, "date"), "2026-12-17");
    assert_eq!(line(1, "insurance")[0]["pays"], "401.50");
    assert_eq!(line(1, "patient"), "553.50");
    assert_eq!(line(1, "write_off"), "585.00");
    assert_eq!(line(1, "flags"), serde_json::json!(["downgraded"]));
    assert!(
        line(1, "explain")
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s.as_str().unwrap().contains("paid as D2791"))
    );
    assert_eq!(json["totals"]["fee"], "1905.00");
    assert_eq!(json["totals"]["insurance"][0]["pays"], "489.50");
    assert_eq!(json["totals"]["patient"], "691.50");
    assert_eq!(json["totals"]["write_off"], "724.00");
    // 1,200.00 left before; 1,200 - 88 - 401.50 = 710.50 after.
    assert_eq!(json["remaining"][0]["maximum_before"], "1200.00");
    assert_eq!(json["remaining"][0]["maximum_after"], "710.50");
}

#[test]
fn estimate_table_shows_the_option_and_totals() {
    let (code, stdout, _) = ferrule(&[
        "estimate",
        "assets/samples/buildup-crown-19.ron",
        "--as-of",
        "2026-11-23",
        "--option",
        "Gold crown",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("option \"Gold crown\""), "{stdout}");
    assert!(stdout.contains("D2790"), "{stdout}");
    assert!(stdout.contains("not a guarantee of payment"), "{stdout}");
}

#[test]
fn estimate_exits_2_on_unknown_option_and_missing_file() {
    let (code, _, stderr) = ferrule(&[
        "estimate",
        "assets/samples/buildup-crown-19.ron",
        "--option",
        "Nope",
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("treatment option \"Nope\" does not exist"),
        "{stderr}"
    );
    let (code, _, stderr) = ferrule(&["estimate", "no-such-file.ron"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read no-such-file.ron"), "{stderr}");
}

#[test]
fn estimate_exits_2_on_unknown_plan_id() {
    let dir = std::env::temp_dir().join(format!("ferrule-cli-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/samples/buildup-crown-19.ron"
    ))
    .unwrap()
    .replace("\"summit-ppo-1500\"", "\"no-such-plan\"");
    let path = dir.join("plan.ron");
    std::fs::write(&path, text).unwrap();
    let (code, _, stderr) = ferrule(&["estimate", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 2);
    assert!(
        stderr.contains("plan \"no-such-plan\" is not in the library"),
        "{stderr}"
    );
}

#[test]
fn a_coding_warning_sets_the_json_flag_and_the_table_status() {
    // rules-bundling.ron: pins (D2951) on #19 with the buildup the same day. Seed
    // rule BU5 warns that pins belong to the buildup; the line carries the
    // coding_warning flag and its status says "check coding".
    let (code, stdout, _) = ferrule(&[
        "estimate",
        "assets/samples/rules-bundling.ron",
        "--as-of",
        "2026-11-23",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let pins = json["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "D2951")
        .unwrap();
    assert!(
        pins["flags"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("coding_warning")),
        "{pins}"
    );
    assert!(
        json["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["rule"] == "BU5" && n["kind"] == "warning" && n["id"] == pins["id"]),
        "{}",
        json["notes"]
    );
    let (_, table, _) = ferrule(&[
        "estimate",
        "assets/samples/rules-bundling.ron",
        "--as-of",
        "2026-11-23",
    ]);
    let row = table.lines().find(|l| l.contains("D2951")).unwrap();
    assert!(row.ends_with("bundled, check coding"), "{row}");
}
