using System.Net;
using System.Text.Json.Nodes;

namespace Lab.Dashboard.Tests.Support;

/// <summary>GET helpers that assert the status and parse JSON.</summary>
public static class Json
{
    public static async Task<JsonNode> GetAsync(HttpClient http, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"GET {path}: {body}");
        return JsonNode.Parse(body) ?? throw new AssertionException($"GET {path}: empty JSON");
    }

    public static async Task<string> GetTextAsync(HttpClient http, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"GET {path}: {body}");
        return body;
    }

    public static string E(string s) => Uri.EscapeDataString(s);
}
