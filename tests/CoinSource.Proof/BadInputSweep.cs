using System.Text.Json;
using CsCheck;

namespace CoinSource.Proof;

/// <summary>
/// Sends every endpoint hostile values: first each fixed hostile value in each parameter alone, and each hostile
/// body to each endpoint that takes one; then generated combinations of values in several parameters at once.
/// A well-behaved client keeps asking for a valid path throughout.
/// </summary>
public sealed class BadInputSweep(HttpClient client, long bodyLimit)
{
    /// <summary>The path the other client asks for: cached after its first answer.</summary>
    public const string OtherClientPath = "/api/quotes/BTC";

    /// <param name="routes">The endpoints to sweep.</param>
    /// <param name="generated">How many generated cases follow the fixed ones.</param>
    /// <param name="seed">CsCheck's seed for the generated cases, to repeat a run; null for a new one.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    public async Task<SweepResult> RunAsync(IReadOnlyList<ApiRoute> routes, int generated, string? seed,
        CancellationToken cancellationToken)
    {
        List<SweepAnswer> answers = [];
        await using var other = new OtherClient(client.BaseAddress!, OtherClientPath, TimeSpan.FromMilliseconds(20),
            TimeSpan.FromSeconds(60));
        other.Start();

        foreach (var route in routes)
        {
            foreach (string parameter in route.Parameters)
            {
                foreach (var value in HostileInput.Values)
                {
                    answers.Add(await SendAsync(route, new Dictionary<string, HostileValue> { [parameter] = value },
                        null, cancellationToken));
                }
            }

            if (route.TakesBody)
            {
                foreach (var body in HostileInput.Bodies(bodyLimit))
                {
                    answers.Add(await SendAsync(route, new Dictionary<string, HostileValue>(), body, cancellationToken));
                }
            }
        }

        var swept = routes.Where(r => r.Parameters.Any()).ToList();
        var cases = Gen.Int[0, swept.Count - 1].SelectMany(i => Gen.Select(
            Gen.Const(swept[i]),
            HostileInput.Generated.Array[swept[i].Parameters.Count()],
            Gen.Bool.Array[swept[i].Parameters.Count()]));
        await cases.SampleAsync(async (route, values, present) =>
        {
            var chosen = route.Parameters.Zip(values, present).Where(p => p.Third)
                .ToDictionary(p => p.First, p => p.Second);
            var answer = await SendAsync(route, chosen, null, cancellationToken);
            lock (answers)
            {
                answers.Add(answer);
            }
        }, iter: generated, threads: 1, seed: seed);

        return new SweepResult(routes, answers, await other.StopAsync());
    }

    private async Task<SweepAnswer> SendAsync(ApiRoute route, IReadOnlyDictionary<string, HostileValue> values,
        HostileBody? body, CancellationToken cancellationToken)
    {
        string target = route.Target(values);
        string label = $"{route.Method} {route.Template} " + (body is null
            ? string.Join(", ", values.Select(v => $"{v.Key}={v.Value.Label}"))
            : $"body {body.Label}");
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(target, UriKind.Relative));
        if (body is not null)
        {
            request.Content = body.ToContent();

            // As curl does for large bodies: the server can refuse the body before it is sent.
            request.Headers.ExpectContinue = true;
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            string text = await response.Content.ReadAsStringAsync(cancellationToken);
            var type = response.Content.Headers.ContentType;
            bool isProblem = type?.MediaType == "application/problem+json";
            return new SweepAnswer(label, (int)response.StatusCode, isProblem, isProblem && HasDetail(text),
                text.Length > 600 ? text[..600] : text);
        }
        catch (HttpRequestException)
        {
            return new SweepAnswer(label, 0, false, false, "");
        }
    }

    private static bool HasDetail(string problem)
    {
        try
        {
            using var document = JsonDocument.Parse(problem);
            return document.RootElement.TryGetProperty("detail", out var detail)
                && detail.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(detail.GetString());
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
