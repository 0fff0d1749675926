namespace CoinSource.Indicators;

/// <summary>One adjustable parameter of an indicator: its default and the range a caller may give.</summary>
public sealed record IndicatorParameter(string Name, double Default, double Min, double Max, bool WholeNumber = true);
