using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Postern.WebUser.Http;

namespace Postern.WebUser.Stateless;

/// <summary>
/// Error responses with bodies from the skin (WebApp, "Error Pages"): 301 <c>moved.wssp</c>, 404
/// <c>notfound.wssp</c>, 401 <c>unauthorized.wssp</c>/<c>denied.wssp</c>, 500 <c>failure.wssp</c>, and
/// <c>error.wssp</c> for everything else, each with the stateless dataset plus <c>errorCode</c> and <c>hostName</c>.
/// </summary>
public sealed class ErrorPages(WebUserServices services, PageResponder pages, ILogger<ErrorPages> logger)
{
    /// <summary>The page for a status code.</summary>
    public static string PageFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status301MovedPermanently => "moved.wssp",
        StatusCodes.Status404NotFound => "notfound.wssp",
        StatusCodes.Status401Unauthorized => "unauthorized.wssp",
        StatusCodes.Status500InternalServerError => "failure.wssp",
        _ => "error.wssp",
    };

    /// <summary>Answers with the error page for <paramref name="statusCode"/>, or plain text when the skin cannot render one.</summary>
    public Task WriteAsync(HttpContext http, int statusCode, string? errorCode, CancellationToken cancellationToken) =>
        WriteAsync(http, statusCode, PageFor(statusCode), errorCode, null, cancellationToken);

    /// <summary>
    /// 401 asking for HTTP Basic credentials in <paramref name="realm"/>: <c>unauthorized.wssp</c> when none
    /// came, <c>denied.wssp</c> when those that came were refused (WebApp, "Error Pages").
    /// </summary>
    public Task ChallengeAsync(HttpContext http, string realm, bool credentialsRefused, CancellationToken cancellationToken) =>
        WriteAsync(http, StatusCodes.Status401Unauthorized, credentialsRefused ? "denied.wssp" : "unauthorized.wssp", null,
            response => response.Headers.WWWAuthenticate = Postern.Accounts.Security.BasicCredentials.Challenge(realm), cancellationToken);

    private async Task WriteAsync(HttpContext http, int statusCode, string pageName, string? errorCode, Action<HttpResponse>? addHeaders,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Response.HasStarted)
            return;
        http.Response.Clear();
        addHeaders?.Invoke(http.Response);
        try
        {
            // The query string still chooses skin and language; a form body may be unreadable.
            var query = new RequestParameters(http.Request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())));
            var context = await StatelessContext.CreateAsync(http, services, query, cancellationToken);
            var dataset = context.CreateDataset();
            if (errorCode is not null)
                dataset["errorCode"] = errorCode;
            if (http.Request.Host.HasValue)
                dataset["hostName"] = http.Request.Host.Value;
            if (await pages.TryWriteAsync(http, context.Page(pageName, dataset, statusCode), cancellationToken))
                return;
        }
        catch (PageRenderingException e)
        {
            logger.LogError(e, "the error page for {Status} could not be rendered", statusCode);
            http.Response.Clear();
            addHeaders?.Invoke(http.Response);
        }
        await PageResponder.WritePlainAsync(http, statusCode, errorCode ?? ReasonPhrases.Of(statusCode), cancellationToken);
    }
}

/// <summary>Status texts for plain answers.</summary>
internal static class ReasonPhrases
{
    public static string Of(int statusCode) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error";
}
