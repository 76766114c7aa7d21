using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Postern.Server.Configuration;

/// <summary>
/// <c>POSTERN_*</c> environment variables as configuration under <c>Postern:</c>. After the prefix,
/// <c>__</c> separates sections and a single <c>_</c> is dropped, and names are case-insensitive:
/// <c>POSTERN_DATA</c> is <c>Postern:Data</c>, <c>POSTERN_HTTP_PORT</c> is <c>Postern:HttpPort</c>,
/// <c>POSTERN_LOGGING__XIMSS</c> is <c>Postern:Logging:XIMSS</c>.
/// </summary>
/// <remarks>
/// The .NET provider would need <c>POSTERN_Postern__HttpPort</c>; this keeps the variables the way
/// operators write them.
/// </remarks>
public sealed class PosternEnvironmentVariables(IDictionary variables) : IConfigurationSource
{
    public const string Prefix = "POSTERN_";

    public PosternEnvironmentVariables()
        : this(Environment.GetEnvironmentVariables())
    {
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(variables);

    /// <summary>The configuration key of a variable name, or null when it is not a Postern variable.</summary>
    public static string? KeyOf(string variable)
    {
        if (!variable.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || variable.Length == Prefix.Length)
            return null;
        var sections = variable[Prefix.Length..].Split("__").Select(section => section.Replace("_", "", StringComparison.Ordinal));
        return "Postern" + ConfigurationPath.KeyDelimiter + string.Join(ConfigurationPath.KeyDelimiter, sections);
    }

    private sealed class Provider(IDictionary variables) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in variables)
            {
                if (entry.Key is string name && KeyOf(name) is { } key)
                    data[key] = entry.Value as string;
            }
            Data = data;
        }
    }
}
