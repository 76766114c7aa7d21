using System.Net;
using Postern.WebUser.Sessions;

namespace Postern.WebUser.Tests;

/// <summary>Logging in over HTTP and finding the session that was opened.</summary>
internal static class SessionTestExtensions
{
    /// <summary>Logs in and returns the session realm prefix (<c>/Session/&lt;id&gt;/</c>) and the session.</summary>
    public static async Task<(string Prefix, WebUserSession Session)> LogInAsync(
        this WebUserTestContext web, HttpClient client, string user, params (string Name, string Value)[] extra)
    {
        var response = await client.PostAsync("/", LoginTests.Form([("username", user), ("password", WebUserTestContext.Password), .. extra]));
        if (response.StatusCode != HttpStatusCode.Found)
            throw new InvalidOperationException($"login as {user} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.ToString();
        var id = location.Split('/')[2];
        var session = (WebUserSession)web.Services.Sessions.Snapshot().Single(s => s.Id == id);
        return ("/Session/" + id + "/", session);
    }
}
