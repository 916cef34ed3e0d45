using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CreatioIdentity.Creatio.DataService;

/// <summary>Serializes the JSON nodes the engine builds (DataService queries, typed settings) without reflection.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class JsonNodeContext : JsonSerializerContext;
