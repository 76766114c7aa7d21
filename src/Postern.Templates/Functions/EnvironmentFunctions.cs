using Postern.Data;
using Postern.Templates.Rendering;
using static Postern.Templates.Rendering.ValueSemantics;

namespace Postern.Templates.Functions;

/// <summary>
/// Functions that read the environment the host plugs into <see cref="TemplateContext"/>: skin strings,
/// session, settings, include arguments, clock, request.
/// </summary>
internal static class EnvironmentFunctions
{
    private static readonly Lazy<DataArray> s_systemTimeZones = new(() => (DataArray)DataArray
        .OfStrings(TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal))
        .MakeReadOnly());

    private static readonly Lazy<DataArray> s_knownCharsets = new(() => (DataArray)DataArray.OfStrings(PageEncoding.KnownCharsets).MakeReadOnly());

    public static IEnumerable<FunctionDefinition> All =>
    [
        // The key of STRING/ARRAY/DICTIONARY is a string constant or an expression whose value is the key.
        TextDataset("STRING", v => v is DataString),
        TextDataset("ARRAY", v => v is DataArray),
        TextDataset("DICTIONARY", v => v is DataDictionary),
        // SESSION/SETTINGS/ACCOUNTSETTINGS take a literal key: SESSION(accountName) reads "accountName".
        Lookup("SESSION", c => c.Session),
        Lookup("SETTINGS", c => c.Settings),
        Lookup("ACCOUNTSETTINGS", c => c.AccountSettings),
        new("INCLUDEARG", ArgumentShape.Expression, (call, state) =>
        {
            var arguments = state.IncludeArguments;
            return arguments is not null && TryGetNumber(call.Arguments[0].Evaluate(state), out var n) && n >= 0 && n < arguments.Length
                ? arguments[n]
                : null;
        }),
        Environment("KNOWNCHARSETS", c => c.KnownCharsets is { } list ? DataArray.OfStrings(list) : s_knownCharsets.Value),
        Environment("KNOWNTIMEZONES", c => c.KnownTimeZones is { } list ? DataArray.OfStrings(list) : s_systemTimeZones.Value),
        Environment("CURRENTTIME", c => new DataTimestamp(c.TimeProvider.GetUtcNow())),
        Environment("SELECTEDLANGUAGE", c => string.IsNullOrEmpty(c.Language) ? null : DataString.From(c.Language)),
        Environment("SELECTEDTIMEZONE", c => DataString.From(c.TimeZoneName ?? c.TimeZone.Id)),
        Environment("SERVERVERSION", c => DataString.From(c.ServerVersion)),
        Environment("REQUESTRESOURCE", c => c.Request is { } r ? DataString.From(r.Resource) : null),
        Environment("REQUESTSOURCEIP", c => c.Request?.SourceAddress is { } ip ? DataString.From(ip) : null),
        Environment("REQUESTSECURE", c => Bool(c.Request?.IsSecure == true)),
    ];

    private static FunctionDefinition TextDataset(string name, Func<DataValue, bool> hasRightType) =>
        new(name, ArgumentShape.Expression, (call, state) =>
        {
            var key = call.Arguments[0].Evaluate(state);
            if (key is null || state.Context.Strings?.Find(TextOf(key)) is not { } value)
                return null;
            // WSSP: "This object should be a string, otherwise the function returns a null-value."
            return hasRightType(value) ? value : null;
        });

    private static FunctionDefinition Lookup(string name, Func<TemplateContext, IDataLookup?> source) =>
        new(name, ArgumentShape.LiteralKey, (call, state) => Normalize(source(state.Context)?.Find(call.Key)));

    private static FunctionDefinition Environment(string name, Func<TemplateContext, DataValue?> read) =>
        new(name, ArgumentShape.None, (_, state) => read(state.Context));
}
