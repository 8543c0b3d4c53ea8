#!/usr/bin/env python3
"""Regenerates the JSON Schemas in this directory (see README.md here for the sources and versions).

Kubernetes kinds: from the API server's OpenAPI v2 document (swagger.json) of one release, with the algorithm of
openapi2jsonschema in the flags that kubernetes-json-schema uses for its "standalone-strict" flavour (--expanded
--kubernetes --stand-alone --strict): apiVersion and kind pinned to the kind's group-version-kind, int-or-string and
quantities as oneOf, every object with properties closed (additionalProperties: false), optional fields nullable,
every $ref inlined.

Custom resources: the openAPIV3Schema of one served version of a CustomResourceDefinition, closed the same way
except where the CRD itself allows unknown fields (x-kubernetes-preserve-unknown-fields).

  generate.py kubernetes SWAGGER_JSON Deployment.apps/v1 Service.v1 ...
  generate.py crd CRD_YAML VERSION
"""
import json
import os
import sys

import yaml

INT_OR_STRING = {"oneOf": [{"type": "string"}, {"type": "integer"}]}
QUANTITY = {"oneOf": [{"type": "string"}, {"type": "number"}]}


def closed(node):
    """additionalProperties: false on every object schema that lists its properties."""
    if isinstance(node, dict):
        if "properties" in node and "additionalProperties" not in node \
                and not node.get("x-kubernetes-preserve-unknown-fields"):
            node["additionalProperties"] = False
        for value in node.values():
            closed(value)
    elif isinstance(node, list):
        for value in node:
            closed(value)
    return node


def nullable(node):
    """Optional fields may be null, as in kubernetes-json-schema."""
    if isinstance(node, dict):
        required = set(node.get("required", ()))
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and isinstance(prop.get("type"), str) and name not in required:
                prop["type"] = [prop["type"], "null"]
        for value in node.values():
            nullable(value)
    elif isinstance(node, list):
        for value in node:
            nullable(value)
    return node


def inline(node, definitions, trail=()):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref is not None:
            name = ref.split("/")[-1]
            if name in trail:  # recursive types (none among the kinds used) stay open rather than loop
                return {}
            return inline(json.loads(json.dumps(definitions[name])), definitions, trail + (name,))
        return {key: inline(value, definitions, trail) for key, value in node.items()}
    if isinstance(node, list):
        return [inline(value, definitions, trail) for value in node]
    return node


def int_or_string(node):
    if isinstance(node, dict):
        if node.get("format") == "int-or-string":
            return dict(INT_OR_STRING)
        return {key: int_or_string(value) for key, value in node.items()}
    if isinstance(node, list):
        return [int_or_string(value) for value in node]
    return node


def kubernetes(swagger_path, kinds):
    definitions = json.load(open(swagger_path))["definitions"]
    definitions["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = INT_OR_STRING
    definitions["io.k8s.apimachinery.pkg.api.resource.Quantity"] = QUANTITY
    for name, definition in definitions.items():
        for gvk in definition.get("x-kubernetes-group-version-kind", []):
            props = definition.get("properties", {})
            api_version = (gvk["group"] + "/" if gvk["group"] else "") + gvk["version"]
            if "apiVersion" in props:
                props["apiVersion"].setdefault("enum", [])
                if api_version not in props["apiVersion"]["enum"]:
                    props["apiVersion"]["enum"].append(api_version)
            if "kind" in props:
                props["kind"].setdefault("enum", [])
                if gvk["kind"] not in props["kind"]["enum"]:
                    props["kind"]["enum"].append(gvk["kind"])
    for wanted in kinds:
        kind, api_version = wanted.split(".", 1)
        group, version = api_version.split("/") if "/" in api_version else ("", api_version)
        matches = [name for name, d in definitions.items()
                   if any(g["kind"] == kind and g["group"] == group and g["version"] == version
                          for g in d.get("x-kubernetes-group-version-kind", []))]
        if len(matches) != 1:
            sys.exit(f"{wanted}: {matches}")
        schema = inline(json.loads(json.dumps(definitions[matches[0]])), definitions)
        schema = nullable(closed(int_or_string(schema)))
        schema["$schema"] = "http://json-schema.org/schema#"
        schema.setdefault("type", "object")
        schema["additionalProperties"] = False
        short = group.split(".")[0] if group else ""
        file_name = f"{kind.lower()}-{short + '-' if short else ''}{version}.json"
        with open(file_name, "w") as out:
            json.dump(schema, out, indent=2)
            out.write("\n")
        print(file_name)


def crd(crd_path, version):
    document = yaml.safe_load(open(crd_path))
    spec = document["spec"]
    served = [v for v in spec["versions"] if v["name"] == version]
    if not served:
        sys.exit(f"{crd_path}: no version {version}")
    schema = closed(served[0]["schema"]["openAPIV3Schema"])
    schema["additionalProperties"] = False
    file_name = f"{spec['group']}/{spec['names']['kind'].lower()}_{version}.json"
    os.makedirs(spec["group"], exist_ok=True)
    with open(file_name, "w") as out:
        json.dump(schema, out, indent=2)
        out.write("\n")
    print(file_name)


if __name__ == "__main__":
    if sys.argv[1] == "kubernetes":
        kubernetes(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == "crd":
        crd(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
