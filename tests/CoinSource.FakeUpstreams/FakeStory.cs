namespace CoinSource.FakeUpstreams;

/// <summary>One item of a fake news feed; <paramref name="Title"/> and <paramref name="Summary"/> may hold HTML.</summary>
public sealed record FakeStory(string Title, string Link, TimeSpan Age, string Summary);
