using System.Net;

namespace Postern.WebUser.Tests;

/// <summary>Keeps cookies between requests of one test client (the test server's handler does not).</summary>
internal sealed class CookieContainerHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public CookieContainer Cookies { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = Cookies.GetCookieHeader(request.RequestUri!);
        if (header.Length > 0)
            request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
                Cookies.SetCookies(request.RequestUri!, value);
        }
        return response;
    }
}
