using System.Text.Json;
using FsCheck.Xunit;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Tests.Taxonomy;

public sealed class ViolationTallyTests
{
    private static readonly string[] Rules = ["unknown-class", "box-too-small", "duplicate-id"];
    private static readonly string[] Classes = ["car", "van", "tram"];

    [Fact]
    public void Add_KeepsTheKSmallestExamplesByFileLineItem()
    {
        var tally = new ViolationTally(examplesPerRule: 2);

        tally.Add([V("unknown-class", "b.jsonl", 1)]);
        tally.Add([V("unknown-class", "a.jsonl", 9)]);
        tally.Add([V("unknown-class", "a.jsonl", 3)]);

        Assert.Equal([("a.jsonl", 3L), ("a.jsonl", 9L)], tally.Examples("unknown-class").Select(v => (v.File!, v.Line)));
        Assert.Equal(3, tally.Counts().Single().Violations);
    }

    [Fact]
    public void ToView_RateIsAnnotationsOverCheckedWithWilsonInterval()
    {
        var tally = new ViolationTally();
        tally.Add([V("box-too-small", "a.jsonl", 1), V("box-too-small", "a.jsonl", 1)]);
        for (var i = 0; i < 12; i++)
        {
            tally.Add([]);
        }

        var view = tally.ToView();

        var rule = view.Rules.Single(r => r.Rule == "box-too-small");
        Assert.Equal((2L, 1L), (rule.Violations, rule.Annotations));
        Assert.Equal(1.0 / 13, rule.Rate!.Value, 12);
        // Wilson (1927) for 1 of 13, z = 1.959964: computed by hand from the formula.
        Assert.Equal(0.0137104, rule.RateCi95![0], 6);
        Assert.Equal(0.3331395, rule.RateCi95[1], 6);
        Assert.Equal(0, view.Rules.Single(r => r.Rule == "unknown-class").Rate);
        Assert.Equal(TaxonomyRules.All.Count, view.Rules.Count);
    }

    [Fact]
    public void ToView_PagesTheRuleClassCounts()
    {
        var tally = new ViolationTally();
        foreach (var c in Classes)
        {
            tally.Add([V("unknown-class", "a.jsonl", 1, c)]);
        }

        var page = tally.ToView(rule: "unknown-class", offset: 1, limit: 1).Counts;

        Assert.Equal((1, 1, 3), (page.Offset, page.Limit, page.Total));
        Assert.Equal("tram", Assert.Single(page.Items).Class);
    }

    [Fact]
    public void ToView_NothingChecked_RateIsNull()
    {
        Assert.All(new ViolationTally().ToView().Rules, r => Assert.Null(r.Rate));
    }

    private static string ClassOf(List<Violation> annotation) => annotation.Count > 0 ? annotation[0].Class : "clean";

    private static string? AnnotatorOf(List<Violation> annotation) => annotation.Count switch { 0 => "a1", 1 => null, _ => "a2" };

    [Fact]
    public void Add_PerAnnotator_CountsAnnotationsBreakingEachRuleOverThatAnnotatorsChecked()
    {
        var tally = new ViolationTally();
        // a1: one annotation breaking box-too-small twice and unknown-class once, one clean; a2: one clean; gold: not counted.
        tally.Add([V("box-too-small", "a.jsonl", 1), V("box-too-small", "a.jsonl", 1), V("unknown-class", "a.jsonl", 1)], "car", "a1");
        tally.Add([], "car", "a1");
        tally.Add([], "car", "a2");
        tally.Add([V("box-too-small", "a.jsonl", 4)], "car");

        Assert.Equal([("box-too-small", "a1", 1L), ("unknown-class", "a1", 1L)], tally.ByAnnotator().Select(c => (c.Rule, c.Annotator, c.Annotations)));
        Assert.Equal(new Dictionary<string, long> { ["a1"] = 2, ["a2"] = 1 }, tally.CheckedByAnnotator);
        Assert.Equal((4L, 2L), (tally.AnnotationsChecked, tally.AnnotationsViolating));
    }

    [Fact]
    public void View_PerClassRate_IsBrokenOverCheckedOfThatClass()
    {
        var tally = new ViolationTally();
        tally.Add([V("unknown-class", "a.jsonl", 1, "car")], "car");
        tally.Add([], "car");
        tally.Add([], "car");
        tally.Add([], "bus");

        var row = Assert.Single(tally.ToView().Counts.Items);
        // 1 of the 3 cars checked broke the rule; Wilson 95% for 1/3 by hand: (0.0615, 0.7923).
        Assert.Equal(("car", 3L, 1.0 / 3), (row.Class, row.Checked, row.Rate));
        Assert.Equal(0.0615, row.RateCi95![0], 4);
        Assert.Equal(0.7923, row.RateCi95[1], 4);
    }

    [Property]
    public bool Merge_AnySplitInAnyOrder_EqualsOnePass(int[] codes, int seed)
    {
        var annotations = (codes ?? []).Select(Annotation).ToList();
        var whole = new ViolationTally(examplesPerRule: 3);
        annotations.ForEach(a => whole.Add(a, ClassOf(a), AnnotatorOf(a)));

        var random = new Random(seed);
        var shards = Enumerable.Range(0, random.Next(1, 5)).Select(_ => new ViolationTally(examplesPerRule: 3)).ToArray();
        annotations.ForEach(a => shards[random.Next(shards.Length)].Add(a, ClassOf(a), AnnotatorOf(a)));
        random.Shuffle(shards);
        var merged = new ViolationTally(examplesPerRule: 3);
        foreach (var shard in shards)
        {
            // Partials travel as JSON, as the pipeline stores them.
            merged.Merge(ViolationTally.FromState(JsonSerializer.Deserialize<ViolationTallyState>(JsonSerializer.Serialize(shard.ToState()))!));
        }

        return JsonSerializer.Serialize(whole.ToState()) == JsonSerializer.Serialize(merged.ToState());
    }

    /// <summary>An annotation with 0–2 violations drawn from small pools, so keys and example ties collide often.</summary>
    private static List<Violation> Annotation(int code)
    {
        var c = (uint)code;
        return Enumerable.Range(0, (int)(c % 3)).Select(i => V(
            Rules[(c / 3 + (uint)i) % 3], $"f{c / 9 % 3}.jsonl", c / 27 % 5, Classes[c / 135 % 3])).ToList();
    }

    private static Violation V(string rule, string file, long line, string @class = "car") =>
        new(rule, @class, "item-" + line, "a1", file, line, null, "label", "message");
}
