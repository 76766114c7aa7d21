using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Postern.Server.Hosting;

/// <summary><c>GET /health</c>: whether the server is up and which Postern it is, for load balancers and monitoring.</summary>
public sealed class StatusModule : IServerModule
{
    private static readonly string s_version =
        typeof(StatusModule).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public void MapEndpoints(WebApplication app) =>
        app.MapGet("/health", () => Results.Json(new { status = "ok", server = "Postern", version = s_version }));
}
