using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using DailyPapers.Core.Parsing;

namespace DailyPapers.Core.Tests.Parsing;

/// <summary>
/// The parser is a pure function of the text: text in, days and papers out. It renders nothing, stores nothing and
/// knows no page, so nothing in its namespace may use rendering, ingestion, the database or the web app. Read from
/// the compiled assembly, where every use shows: signatures, attributes, locals and the instructions of method bodies.
/// </summary>
public sealed class ParsingDependencyTests
{
    private static readonly string[] Forbidden = ["DailyPapers.Core.Rendering", "DailyPapers.Core.Ingestion", "DailyPapers.Core.Data", "DailyPapers.Web"];

    private static string CoreAssembly => typeof(DigestParser).Assembly.Location;

    [Fact]
    public void Parsing_uses_nothing_from_rendering_ingestion_data_or_the_web_app()
    {
        var uses = TypeUses.Of(CoreAssembly, "DailyPapers.Core.Parsing");

        uses.Should().Contain(u => u.Used == "Markdig.Syntax.MarkdownDocument", "the check should see what the parser does use");
        uses.Where(u => Forbidden.Any(f => TypeUses.InNamespace(u.Used, f))).Select(u => $"{u.User} uses {u.Used}").Should().BeEmpty();
    }

    [Fact]
    public void The_check_sees_a_use_inside_a_method_body_of_a_nested_type()
    {
        // ReadStage.Read calls the renderer inside its body and names it nowhere else.
        var uses = TypeUses.Of(CoreAssembly, "DailyPapers.Core.Ingestion");

        uses.Should().Contain(u => u.User == "DailyPapers.Core.Ingestion.ReadStage" && u.Used == "DailyPapers.Core.Rendering.DigestRenderer");
    }

    [Fact]
    public void The_check_sees_every_kind_of_use()
    {
        // An assembly made here, whose Parsing type uses a Rendering type once in each place a use can hide.
        var name = new AssemblyName("UsesRendering");
        var assembly = new PersistedAssemblyBuilder(name, typeof(object).Assembly);
        var module = assembly.DefineDynamicModule(name.Name!);
        var html = module.DefineType("Demo.Rendering.Html", TypeAttributes.Public);
        html.DefineDefaultConstructor(MethodAttributes.Public);
        var htmlType = html.CreateType();
        var kinds = new[] { "Field", "Parameter", "Local", "Call" };
        foreach (var kind in kinds)
        {
            var parser = module.DefineType("Demo.Parsing.Uses" + kind, TypeAttributes.Public);
            var method = parser.DefineMethod("Read", MethodAttributes.Public | MethodAttributes.Static, typeof(void), kind == "Parameter" ? [htmlType] : Type.EmptyTypes);
            var il = method.GetILGenerator();
            switch (kind)
            {
                case "Field":
                    parser.DefineField("html", htmlType, FieldAttributes.Public);
                    break;
                case "Local":
                    il.DeclareLocal(htmlType);
                    break;
                case "Call":
                    il.Emit(OpCodes.Newobj, htmlType.GetConstructor(Type.EmptyTypes)!);
                    il.Emit(OpCodes.Pop);
                    break;
            }

            il.Emit(OpCodes.Ret);
            parser.CreateType();
        }

        var path = Path.Combine(Path.GetTempPath(), $"uses-rendering-{Guid.NewGuid():N}.dll");
        try
        {
            assembly.Save(path);

            var uses = TypeUses.Of(path, "Demo.Parsing");

            uses.Where(u => u.Used == "Demo.Rendering.Html").Select(u => u.User).Distinct()
                .Should().BeEquivalentTo(kinds.Select(k => "Demo.Parsing.Uses" + k));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>Which types the types of a namespace use, read from an assembly's metadata and IL.</summary>
internal static class TypeUses
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    public static bool InNamespace(string type, string ns) => type.StartsWith(ns + ".", StringComparison.Ordinal);

    /// <returns>Each type of <paramref name="ns"/> (nested types count as their outermost type's) with a type it uses.</returns>
    public static List<(string User, string Used)> Of(string assemblyPath, string ns)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var uses = new List<(string, string)>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var user = Names.Of(metadata, handle);
            if (!InNamespace(user, ns))
            {
                continue;
            }

            var names = new Names(metadata);
            ReadType(pe, metadata, metadata.GetTypeDefinition(handle), names);
            uses.AddRange(names.Seen.Select(used => (user, used)));
        }

        return uses;
    }

    private static void ReadType(PEReader pe, MetadataReader metadata, TypeDefinition type, Names names)
    {
        names.Add(type.BaseType);
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            names.Add(metadata.GetInterfaceImplementation(implementation).Interface);
        }

        ReadAttributes(metadata, type.GetCustomAttributes(), names);
        foreach (var handle in type.GetFields())
        {
            var field = metadata.GetFieldDefinition(handle);
            field.DecodeSignature(names, null);
            ReadAttributes(metadata, field.GetCustomAttributes(), names);
        }

        foreach (var handle in type.GetProperties())
        {
            metadata.GetPropertyDefinition(handle).DecodeSignature(names, null);
        }

        foreach (var handle in type.GetMethods())
        {
            var method = metadata.GetMethodDefinition(handle);
            method.DecodeSignature(names, null);
            ReadAttributes(metadata, method.GetCustomAttributes(), names);
            if (method.RelativeVirtualAddress != 0)
            {
                ReadBody(metadata, pe.GetMethodBody(method.RelativeVirtualAddress), names);
            }
        }
    }

    private static void ReadAttributes(MetadataReader metadata, CustomAttributeHandleCollection attributes, Names names)
    {
        foreach (var handle in attributes)
        {
            names.Add(metadata.GetCustomAttribute(handle).Constructor);
        }
    }

    private static void ReadBody(MetadataReader metadata, MethodBodyBlock body, Names names)
    {
        if (!body.LocalSignature.IsNil)
        {
            metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(names, null);
        }

        foreach (var region in body.ExceptionRegions)
        {
            names.Add(region.CatchType);
        }

        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var code = first == 0xFE ? (short)(0xFE00 | il.ReadByte()) : first;
            switch (Operands[code])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                    names.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case OperandType.InlineSwitch:
                    il.Offset += 4 * il.ReadInt32();
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                default:
                    il.Offset += 4;
                    break;
            }
        }
    }

    /// <summary>Full names of the types a signature or token names, nested types as Outer+Inner; each is remembered.</summary>
    private sealed class Names(MetadataReader metadata) : ISignatureTypeProvider<string, object?>
    {
        public HashSet<string> Seen { get; } = [];

        public static string Of(MetadataReader metadata, TypeDefinitionHandle handle)
        {
            var type = metadata.GetTypeDefinition(handle);
            var name = metadata.GetString(type.Name);
            return type.GetDeclaringType() is { IsNil: false } outer ? Of(metadata, outer) + "+" + name : Qualified(metadata.GetString(type.Namespace), name);
        }

        public void Add(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    GetTypeFromDefinition(metadata, (TypeDefinitionHandle)handle, 0);
                    break;
                case HandleKind.TypeReference:
                    GetTypeFromReference(metadata, (TypeReferenceHandle)handle, 0);
                    break;
                case HandleKind.TypeSpecification:
                    GetTypeFromSpecification(metadata, null, (TypeSpecificationHandle)handle, 0);
                    break;
                case HandleKind.FieldDefinition:
                    var field = metadata.GetFieldDefinition((FieldDefinitionHandle)handle);
                    Add(field.GetDeclaringType());
                    field.DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    var method = metadata.GetMethodDefinition((MethodDefinitionHandle)handle);
                    Add(method.GetDeclaringType());
                    method.DecodeSignature(this, null);
                    break;
                case HandleKind.MemberReference:
                    var member = metadata.GetMemberReference((MemberReferenceHandle)handle);
                    Add(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }

                    break;
                case HandleKind.MethodSpecification:
                    var specification = metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Add(specification.Method);
                    specification.DecodeSignature(this, null);
                    break;
                case HandleKind.StandaloneSignature:
                    metadata.GetStandaloneSignature((StandaloneSignatureHandle)handle).DecodeMethodSignature(this, null);
                    break;
            }
        }

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => Remember(Of(reader, handle));

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => Remember(NameOf(reader, handle));

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType;

        public string GetArrayType(string elementType, ArrayShape shape) => elementType;

        public string GetSZArrayType(string elementType) => elementType;

        public string GetByReferenceType(string elementType) => elementType;

        public string GetPointerType(string elementType) => elementType;

        public string GetPinnedType(string elementType) => elementType;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method pointer";

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        private static string NameOf(MetadataReader reader, TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            var name = reader.GetString(type.Name);
            return type.ResolutionScope.Kind == HandleKind.TypeReference
                ? NameOf(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name
                : Qualified(reader.GetString(type.Namespace), name);
        }

        private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

        private string Remember(string name)
        {
            Seen.Add(name);
            return name;
        }
    }
}
