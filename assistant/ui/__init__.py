"""The web chat: Gradio Blocks over the answer service, mounted on the API app at "/"."""
