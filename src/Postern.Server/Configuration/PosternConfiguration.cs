using Microsoft.Extensions.Configuration;

namespace Postern.Server.Configuration;

/// <summary>
/// Where settings come from, later sources winning: <c>appsettings.json</c> beside the executable,
/// <c>appsettings.json</c> in the current directory, <c>POSTERN_*</c> environment variables, then
/// command-line options.
/// </summary>
public static class PosternConfiguration
{
    public static IConfigurationRoot Build(IReadOnlyDictionary<string, string?> commandLine)
    {
        var installed = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var local = Path.GetFullPath("appsettings.json");
        var builder = new ConfigurationBuilder().AddJsonFile(installed, optional: true, reloadOnChange: false);
        if (!string.Equals(installed, local, StringComparison.Ordinal))
            builder.AddJsonFile(local, optional: true, reloadOnChange: false);
        return builder
            .Add(new PosternEnvironmentVariables())
            .AddInMemoryCollection(commandLine)
            .Build();
    }
}
